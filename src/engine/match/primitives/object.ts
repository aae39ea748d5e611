import type { ResolvedObject } from '../../context/constants';
import type { FileContext } from '../../context/file-context';
import { ts } from '../../ts';
import type { NodeTest, Primitive } from '../compiled';
import { argumentAt, argumentsOf } from './arg';

/** Known-absent (`'absent'`), resolved, or unknown (`undefined`). */
type Lookup = { value: ts.Expression | undefined } | 'absent' | undefined;

const EMPTY: 'empty' = 'empty';

/** Follows a dotted key path into nested object literals. */
function lookupPath(ctx: FileContext, obj: ResolvedObject | typeof EMPTY, keys: string[]): Lookup {
  let current: ResolvedObject | typeof EMPTY = obj;
  for (let i = 0; i < keys.length; i++) {
    if (current === EMPTY) return 'absent';
    const key = keys[i]!;
    if (!current.props.has(key)) return current.open ? undefined : 'absent';
    const value = current.props.get(key);
    if (i === keys.length - 1) return { value };
    if (!value) return undefined;
    const next = ctx.constants.resolveObject(value);
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

function targetObject(node: ts.Node, argIndex: number | undefined, ctx: FileContext): ResolvedObject | typeof EMPTY | undefined {
  if (argIndex === undefined) return ts.isExpression(node) ? ctx.constants.resolveObject(node) : undefined;
  const args = argumentsOf(node);
  if (!args) return undefined;
  const arg = argumentAt(args, argIndex);
  if (!arg || ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) return EMPTY;
  return ctx.constants.resolveObject(arg);
}

/**
 * `object`: properties of an object literal (the node, or a call argument), resolved through in-file consts.
 * `lacks` needs every key definitely absent; `has` needs every key definitely present with a matching value.
 */
export const objectPrimitive: Primitive<'object'> = {
  key: 'object',
  compile: (spec, sub, where) => {
    const lacks = (spec.lacks ?? []).map((k) => k.split('.'));
    const has: Array<{ path: string[]; test?: NodeTest }> = Object.entries(spec.has ?? {}).map(([key, pattern]) => ({
      path: key.split('.'),
      test: Object.keys(pattern).length > 0 ? sub(pattern, `${where}/has/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).test : undefined,
    }));
    return (node, state) => {
      const obj = targetObject(node, spec.arg, state.ctx);
      if (!obj) return false;
      for (const path of lacks) {
        if (lookupPath(state.ctx, obj, path) !== 'absent') return false;
      }
      for (const { path, test } of has) {
        const found = lookupPath(state.ctx, obj, path);
        if (found === undefined || found === 'absent') return false;
        if (test && (!found.value || !test(found.value, state))) return false;
      }
      return true;
    };
  },
};
