import type { Primitive } from '../compiled';
import { compileNameSpec } from '../name-spec';
import { mentionedNames } from '../node-names';

/** `mentions`: some identifier, member name or short string inside the expression matches. */
export const mentionsPrimitive: Primitive<'mentions'> = {
  key: 'mentions',
  compile: (spec, _sub, where) => {
    const test = compileNameSpec(spec, where);
    return (node) => mentionedNames(node).some(test);
  },
};
