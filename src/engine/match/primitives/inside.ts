import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { testWithRollback } from '../compiled';
import { isFunctionScope } from '../../context/file-index';

/**
 * `inside`: some ancestor matches the pattern. `stopAt: function` stops at (and includes) the nearest
 * enclosing function; `statement` at the nearest statement; `file` (default) searches up to the file.
 */
export const insidePrimitive: Primitive<'inside'> = {
  key: 'inside',
  compile: (spec, sub, where) => {
    const { stopAt = 'file', ...rest } = spec;
    const inner = sub(rest, where).test;
    return (node, state) => {
      for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) {
        if (testWithRollback(inner, p, state)) return true;
        if (stopAt === 'function' && isFunctionScope(p)) return false;
        if (stopAt === 'statement' && ts.isStatement(p)) return false;
      }
      return false;
    };
  },
};
