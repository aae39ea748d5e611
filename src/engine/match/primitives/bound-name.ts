import type { Primitive } from '../compiled';
import { compileNameSpec } from '../name-spec';
import { boundNameOf } from '../node-names';

/** `boundName`: the variable, property, assignment target or function the node's value flows into matches. */
export const boundNamePrimitive: Primitive<'boundName'> = {
  key: 'boundName',
  compile: (spec, _sub, where) => {
    const test = compileNameSpec(spec, where);
    return (node) => {
      const name = boundNameOf(node);
      return name !== undefined && test(name);
    };
  },
};
