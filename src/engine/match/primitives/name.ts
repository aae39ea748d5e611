import type { Primitive } from '../compiled';
import { compileNameSpec } from '../name-spec';
import { nameOf } from '../node-names';

/** `name`: the node's own name (identifier, member, property, declaration, called function) matches. */
export const namePrimitive: Primitive<'name'> = {
  key: 'name',
  compile: (spec, _sub, where) => {
    const test = compileNameSpec(spec, where);
    return (node) => {
      const name = nameOf(node);
      return name !== undefined && test(name);
    };
  },
};
