/**
 * Views of a {@link FileIndex} derived from its flat lists on first use: calls inside a scope, calls and
 * assignments by name, methods called per receiver. Each is built once per index (or scope) and shared by rules.
 */
import { ts } from '../ts';
import type { CallLike, FileIndex } from './file-index';
import { NodeMemo } from './node-memo';

const K = ts.SyntaxKind;

/** Text of a receiver made of identifiers, `this` and property names (`this.cache`, `tokenCache`). */
export function receiverText(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (expr.kind === K.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expr)) {
    const left = receiverText(expr.expression);
    return left === undefined ? undefined : `${left}.${expr.name.text}`;
  }
  return undefined;
}

const callsInCache = new NodeMemo<CallLike[]>();

/**
 * Calls made inside a function or class (nested callbacks included), or in the whole file for the source file:
 * the contiguous run of the position-ordered call list that lies within the scope.
 */
export function callsIn(index: FileIndex, scope: ts.Node): CallLike[] {
  if (ts.isSourceFile(scope)) return index.calls;
  const hit = callsInCache.get(scope);
  if (hit) return hit;
  const { calls } = index;
  const start = scope.pos;
  const end = scope.end;
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (calls[mid]!.pos < start) lo = mid + 1;
    else hi = mid;
  }
  // A call that starts where the scope starts and encloses it (`function () {}()`) is not inside it.
  while (lo < calls.length && calls[lo]!.pos === start && calls[lo]!.end > end) lo++;
  let last = lo;
  while (last < calls.length && calls[last]!.end <= end) last++;
  const inside = calls.slice(lo, last);
  callsInCache.set(scope, inside);
  return inside;
}

const calleeCache = new WeakMap<FileIndex, Map<string, CallLike[]>>();

/** Calls whose callee is a plain name (`hashPassword(pw)`, `new Session()`), by that name, in source order. */
export function callsByCalleeName(index: FileIndex): Map<string, CallLike[]> {
  const hit = calleeCache.get(index);
  if (hit) return hit;
  const out = groupBy(index.calls, (call) => (call.expression.kind === K.Identifier ? (call.expression as ts.Identifier).text : undefined));
  calleeCache.set(index, out);
  return out;
}

const assignmentCache = new WeakMap<FileIndex, Map<string, ts.BinaryExpression[]>>();

/** Plain assignments (`name = value`) by the assigned name, in source order. */
export function assignmentsByName(index: FileIndex): Map<string, ts.BinaryExpression[]> {
  const hit = assignmentCache.get(index);
  if (hit) return hit;
  const out = groupBy(index.assignments, (a) => (a.left as ts.Identifier).text);
  assignmentCache.set(index, out);
  return out;
}

const methodsCache = new WeakMap<FileIndex, Map<string, Set<string>>>();

/** `receiver.method(...)` calls by receiver text (`tokenCache` → {get, set}); `delete x[k]` counts as `delete`. */
export function methodsByReceiver(index: FileIndex): Map<string, Set<string>> {
  const hit = methodsCache.get(index);
  if (hit) return hit;
  const out = new Map<string, Set<string>>();
  const add = (recv: string | undefined, method: string): void => {
    if (recv === undefined) return;
    let methods = out.get(recv);
    if (!methods) out.set(recv, (methods = new Set()));
    methods.add(method);
  };
  for (const call of index.calls) {
    if (ts.isPropertyAccessExpression(call.expression)) add(receiverText(call.expression.expression), call.expression.name.text);
  }
  for (const del of index.deletes) {
    const target = del.expression;
    if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) add(receiverText(target.expression), 'delete');
  }
  methodsCache.set(index, out);
  return out;
}

/** Items by a key (those without one left out), each group in list order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
