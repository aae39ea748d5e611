import { ts } from '../../ts';
import type { Primitive } from '../compiled';

/** Method names of the whole `a.b().c().d()` chain the node belongs to. */
export function chainMethods(node: ts.Node): Set<string> {
  const names = new Set<string>();
  let top: ts.Node = node;
  // Up: node is the receiver of `.m(...)`.
  for (;;) {
    const access = top.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== top) break;
    const call = access.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== access) break;
    names.add(access.name.text);
    top = call.parent && ts.isAwaitExpression(call.parent) ? call.parent : call;
    if (top !== call) break;
  }
  // Down: node is itself `x.m(...)`.
  let cur: ts.Node = node;
  while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
    names.add(cur.expression.name.text);
    cur = cur.expression.expression;
  }
  return names;
}

/** `chain`: the method chain around the node calls every `includes` method and none of `lacks`. */
export const chainPrimitive: Primitive<'chain'> = {
  key: 'chain',
  compile: (spec) => {
    const includes = spec.includes ?? [];
    const lacks = spec.lacks ?? [];
    return (node) => {
      const names = chainMethods(node);
      return includes.every((m) => names.has(m)) && !lacks.some((m) => names.has(m));
    };
  },
};
