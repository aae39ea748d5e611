import { methodsByReceiver } from '../../context/index-views';
import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { nameOf } from '../node-names';

/**
 * `usage`: how the node's declared name is used in the file, from the walk's receiver index:
 * `neverCalls` holds when no `<name>.<method>(...)` (or `delete <name>[k]` for `delete`) exists.
 */
export const usagePrimitive: Primitive<'usage'> = {
  key: 'usage',
  compile: (spec) => {
    const never = spec.neverCalls ?? [];
    const some = spec.calls ?? [];
    return (node, state) => {
      const name = ts.isVariableDeclaration(node) || ts.isIdentifier(node) ? nameOf(node) : undefined;
      if (name === undefined) return false;
      const methods = methodsByReceiver(state.ctx.index).get(name);
      if (never.some((m) => methods?.has(m))) return false;
      if (some.length > 0 && !some.some((m) => methods?.has(m))) return false;
      return true;
    };
  },
};
