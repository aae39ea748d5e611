import type { Primitive } from '../compiled';
import { compileNameSpec } from '../name-spec';
import { boundNameOf, memberPathOf, mentionedNames, nameOf } from '../node-names';

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

/** `mentions`: some identifier, member name or short string inside the expression matches. */
export const mentionsPrimitive: Primitive<'mentions'> = {
  key: 'mentions',
  compile: (spec, _sub, where) => {
    const test = compileNameSpec(spec, where);
    return (node) => mentionedNames(node).some(test);
  },
};
