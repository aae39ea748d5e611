import type { Primitive } from '../compiled';
import { compileNameSpec } from '../name-spec';
import { memberPathOf } from '../node-names';

/** `memberPath`: the dotted text of a member chain (`req.session.userId`) matches. */
export const memberPathPrimitive: Primitive<'memberPath'> = {
  key: 'memberPath',
  compile: (spec, _sub, where) => {
    const test = compileNameSpec(spec, where);
    return (node) => {
      const path = memberPathOf(node);
      return path !== undefined && test(path);
    };
  },
};
