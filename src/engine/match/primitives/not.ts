import { testDiscardingCaptures, type Compiled, type Primitive } from '../compiled';

/** `not`: the sub-pattern does not match the node (its captures are discarded). */
export const notPrimitive: Primitive<'not'> = {
  key: 'not',
  compile: (spec, sub, where) => {
    const inner: Compiled = sub(spec, where);
    const test = inner.test;
    return (node, state) => !testDiscardingCaptures(test, node, state);
  },
};
