import type { ts } from '../ts';
import { PatternError, type Compiled, type NodeTest } from './compiled';
import { calleeKeysOfCall, calleeKeysOfName, canMatchCalls, unionCalleeKeys, type CalleeKeys } from './callee-keys';
import { compileNameSpec } from './name-spec';
import type { CallSpec, NameSpec, Pattern } from './pattern-types';
import { keyCost, readsCaptures } from './pattern-cost';
import { PRIMITIVES } from './primitives';

function intersect(a: ReadonlySet<ts.SyntaxKind> | undefined, b: ReadonlySet<ts.SyntaxKind> | undefined): ReadonlySet<ts.SyntaxKind> | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a].filter((k) => b.has(k)));
}

/**
 * Compiles a rule's `match` pattern into one node test plus the syntax kinds it can match, which places the
 * rule in the per-kind dispatch table of the single file walk. `where` is the JSON pointer of the pattern.
 */
export function compilePattern(pattern: Pattern, where = '/match'): Compiled {
  // Primitives compile their sub-patterns and this function reads the same ones' kinds and keys: compile each
  // pattern object once (YAML aliases share one object, and their compiled test).
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const out = compileUncached(pattern, where);
  compiled.set(pattern, out);
  return out;
}

const compiled = new WeakMap<Pattern, Compiled>();

function compileUncached(pattern: Pattern, where: string): Compiled {
  const known = new Set<string>(PRIMITIVES.map((p) => p.key));
  for (const key of Object.keys(pattern)) {
    if (!known.has(key)) throw new PatternError(`unknown matcher ${JSON.stringify(key)}`, `${where}/${key}`);
  }
  const early: Array<{ test: NodeTest; cost: number }> = [];
  const late: NodeTest[] = [];
  let kinds: ReadonlySet<ts.SyntaxKind> | undefined;
  // The keys of the conjunction: any conjunct's keys will do (the first found).
  let callees: CalleeKeys | undefined;
  const sub = (p: Pattern, at: string): Compiled => compilePattern(p, at);
  for (const prim of PRIMITIVES) {
    const spec: unknown = pattern[prim.key];
    if (spec === undefined) continue;
    const at = `${where}/${prim.key}`;
    // Each primitive is typed on its own key; the registry pairs them, so this call is sound.
    const compileFn = prim.compile as (s: unknown, sub: (p: Pattern, at: string) => Compiled, at: string) => NodeTest;
    const kindsFn = prim.kinds as ((s: unknown) => ts.SyntaxKind[] | undefined) | undefined;
    const test = compileFn(spec, sub, at);
    if (prim.late) late.push(test);
    // Sub-patterns that read captures run after the others, whatever they cost.
    else early.push({ test, cost: keyCost(prim.key, spec) + (readsCaptures(spec) ? 10_000 : 0) });
    const own = kindsFn?.(spec);
    if (own) kinds = intersect(kinds, new Set(own));
    if (prim.key === 'call') callees ??= calleeKeysOfCall(spec as CallSpec);
    if (prim.key === 'name') callees ??= calleeKeysOfName(compileNameSpec(spec as NameSpec, at));
    // `field: { expression: { name } }` on a call names its callee: the call's own name is the callee's.
    if (prim.key === 'field') {
      const callee = (spec as Record<string, Pattern | undefined>).expression;
      if (callee?.name !== undefined) callees ??= calleeKeysOfName(compileNameSpec(callee.name, `${at}/expression/name`));
    }
    if (prim.key === 'all' && Array.isArray(spec)) {
      for (const [i, p] of (spec as Pattern[]).entries()) {
        const part = compilePattern(p, `${at}/${i}`);
        kinds = intersect(kinds, part.kinds);
        callees ??= part.callees;
      }
    }
    if (prim.key === 'any' && Array.isArray(spec)) {
      const branches = (spec as Pattern[]).map((p, i) => compilePattern(p, `${at}/${i}`));
      if (branches.length > 0 && branches.every((b) => b.kinds !== undefined)) {
        kinds = intersect(kinds, new Set(branches.flatMap((b) => [...(b.kinds ?? [])])));
      }
      // A call passes the alternatives only through those that can match calls: all of them need keys.
      const callBranches = branches.filter((b) => canMatchCalls(b.kinds));
      const keys = callBranches.map((b) => b.callees);
      if (keys.every((k): k is CalleeKeys => k !== undefined)) callees ??= unionCalleeKeys(keys);
    }
  }
  // Cheap, selective tests first: a rule usually fails on its first test, so order decides the cost.
  const tests = [...early.sort((a, b) => a.cost - b.cost).map((e) => e.test), ...late];
  const test: NodeTest =
    tests.length === 1
      ? tests[0]!
      : (node, state) => {
          // Indexed loop: for-of allocates an iterator per call once the closure goes megamorphic.
          for (let i = 0; i < tests.length; i++) if (!tests[i]!(node, state)) return false;
          return true;
        };
  return callees ? { test, kinds, callees } : { test, kinds };
}
