/**
 * Callee keys: a necessary condition a pattern puts on the calls it can match, read from its `call` and `name`
 * specs. A call can pass the pattern only when its method name (`x.name(...)`, `x['name'](...)`) is one of
 * `names`, or its callee resolves to an identity `identities` accepts (what the `call` primitive requires), or
 * its own name (`nameOf`: the called function's or method's name) passes one of `nameTests` (what `name`
 * requires). The engine uses the keys to hand a rule only the calls that can pass it, instead of testing every
 * call of the file.
 */
import { ts } from '../ts';
import type { NameTest } from './name-spec';
import type { CallSpec } from './pattern-types';
import { toList } from './to-list';

/** The calls a pattern can match: by method name, by callee identity (`module#path`, `*` suffix = prefix) or by own name. */
export interface CalleeKeys {
  readonly names: ReadonlySet<string>;
  readonly identities: readonly string[];
  readonly nameTests: readonly NameTest[];
}

/** The keys of one `call` spec. */
export function calleeKeysOfCall(spec: CallSpec): CalleeKeys {
  return { names: new Set(toList(spec.method)), identities: toList(spec.callee), nameTests: [] };
}

/** The keys of one `name` spec (compiled): the call's own name must pass it. */
export function calleeKeysOfName(test: NameTest): CalleeKeys {
  return { names: new Set(), identities: [], nameTests: [test] };
}

/** Calls that pass any of several alternatives pass one of their keys. */
export function unionCalleeKeys(list: readonly CalleeKeys[]): CalleeKeys {
  const names = new Set<string>();
  const identities = new Set<string>();
  const nameTests: NameTest[] = [];
  for (const k of list) {
    for (const n of k.names) names.add(n);
    for (const i of k.identities) identities.add(i);
    nameTests.push(...k.nameTests);
  }
  return { names, identities: [...identities], nameTests };
}

/** `true` when a pattern of these kinds (undefined: any kind) can match a call or `new` expression. */
export function canMatchCalls(kinds: ReadonlySet<ts.SyntaxKind> | undefined): boolean {
  return !kinds || kinds.has(ts.SyntaxKind.CallExpression) || kinds.has(ts.SyntaxKind.NewExpression);
}

/** The method name a call's callee ends with (`a.b.name(...)`, `a['name'](...)`), if any. */
export function calleeMethodName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}
