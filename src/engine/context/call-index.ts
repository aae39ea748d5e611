/**
 * The calls of a node list (one file's or one statement's calls of one syntax kind) grouped by method name, by
 * callee identity and by their own name, so a rule whose pattern requires certain callees (see
 * match/callee-keys.ts) is tested only on the calls that have them. Each grouping is built when a key first needs
 * it (identities resolve every callee through the file's bindings, which the editor pays per keystroke), once per
 * list and analysis: identities depend on the file's imports.
 */
import { calleeMethodName, type CalleeKeys } from '../match/callee-keys';
import { nameOf } from '../match/node-names';
import { identityMatcher } from '../match/primitives/call';
import { ts } from '../ts';
import type { Bindings } from './bindings';

type CallLike = ts.CallExpression | ts.NewExpression;

/** A list of call or `new` expressions, indexed by method name, callee identity and own name. */
export class CallIndex {
  private readonly calls: readonly CallLike[];
  private byName?: Map<string, ts.Node[]>;
  private byIdentity?: Map<string, ts.Node[]>;
  private byOwnName?: Map<string, ts.Node[]>;
  private readonly answers = new Map<CalleeKeys, readonly ts.Node[]>();

  constructor(
    nodes: readonly ts.Node[],
    private readonly bindings: Bindings,
  ) {
    this.calls = nodes.filter((n): n is CallLike => ts.isCallExpression(n) || ts.isNewExpression(n));
  }

  /** The calls that can pass a pattern with these keys, in walk order (outer calls before the calls inside them). */
  candidates(keys: CalleeKeys): readonly ts.Node[] {
    const hit = this.answers.get(keys);
    if (hit) return hit;
    const lists: ts.Node[][] = [];
    if (keys.names.size > 0) {
      const byName = (this.byName ??= group(this.calls, calleeMethodName));
      for (const name of keys.names) {
        const list = byName.get(name);
        if (list) lists.push(list);
      }
    }
    if (keys.identities.length > 0) {
      const accepts = identityMatcher([...keys.identities]);
      const byIdentity = (this.byIdentity ??= group(this.calls, (c) => this.bindings.identityOf(c.expression)));
      for (const [identity, list] of byIdentity) if (accepts(identity)) lists.push(list);
    }
    if (keys.nameTests.length > 0) {
      const byOwnName = (this.byOwnName ??= group(this.calls, nameOf));
      for (const [name, list] of byOwnName) if (keys.nameTests.some((test) => test(name))) lists.push(list);
    }
    const out = lists.length === 0 ? [] : lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a.pos - b.pos || b.end - a.end);
    this.answers.set(keys, out);
    return out;
  }
}

function group(calls: readonly CallLike[], keyOf: (call: CallLike) => string | undefined): Map<string, ts.Node[]> {
  const map = new Map<string, ts.Node[]>();
  for (const call of calls) {
    const key = keyOf(call);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(call);
    else map.set(key, [call]);
  }
  return map;
}
