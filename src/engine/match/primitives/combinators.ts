import type { Compiled, Primitive } from '../compiled';
import { testDiscardingCaptures, testWithRollback } from '../compiled';

/** `all`: every sub-pattern matches the node. */
export const allPrimitive: Primitive<'all'> = {
  key: 'all',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    const n = tests.length;
    return (node, state) => {
      for (let i = 0; i < n; i++) if (!tests[i]!(node, state)) return false;
      return true;
    };
  },
};

/** `any`: some sub-pattern matches the node (captures of failed branches are rolled back). */
export const anyPrimitive: Primitive<'any'> = {
  key: 'any',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    const n = tests.length;
    return (node, state) => {
      for (let i = 0; i < n; i++) if (testWithRollback(tests[i]!, node, state)) return true;
      return false;
    };
  },
};

/** `not`: the sub-pattern does not match the node (its captures are discarded). */
export const notPrimitive: Primitive<'not'> = {
  key: 'not',
  compile: (spec, sub, where) => {
    const inner: Compiled = sub(spec, where);
    const test = inner.test;
    return (node, state) => !testDiscardingCaptures(test, node, state);
  },
};
