/**
 * The calls of a node list (one file's or one statement's calls of one syntax kind) grouped by method name, by
 * callee identity and by their own name, so a rule whose pattern requires certain callees (see match/callee-keys.ts) is tested only on
 * the calls that have them. Built once per list and analysis: identities depend on the file's imports.
 */
import { identityMatcher } from '../match/primitives/call';
import { calleeMethodName, type CalleeKeys } from '../match/callee-keys';
import { nameOf } from '../match/node-names';
import { ts } from '../ts';
import type { Bindings } from './bindings';

/** A list of call or `new` expressions, indexed by method name and by callee identity. */
export class CallIndex {
  private readonly byName = new Map<string, ts.Node[]>();
  private readonly byIdentity = new Map<string, ts.Node[]>();
  private readonly byOwnName = new Map<string, ts.Node[]>();
  private readonly answers = new Map<CalleeKeys, readonly ts.Node[]>();

  constructor(nodes: readonly ts.Node[], bindings: Bindings) {
    for (const node of nodes) {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) continue;
      const name = calleeMethodName(node);
      if (name !== undefined) push(this.byName, name, node);
      const own = nameOf(node);
      if (own !== undefined) push(this.byOwnName, own, node);
      const identity = bindings.identityOf(node.expression);
      if (identity !== undefined) push(this.byIdentity, identity, node);
    }
  }

  /** The calls that can pass a pattern with these keys, in walk order (outer calls before the calls inside them). */
  candidates(keys: CalleeKeys): readonly ts.Node[] {
    const hit = this.answers.get(keys);
    if (hit) return hit;
    const lists: ts.Node[][] = [];
    for (const name of keys.names) {
      const list = this.byName.get(name);
      if (list) lists.push(list);
    }
    if (keys.identities.length > 0) {
      const accepts = identityMatcher([...keys.identities]);
      for (const [identity, list] of this.byIdentity) if (accepts(identity)) lists.push(list);
    }
    if (keys.nameTests.length > 0) {
      for (const [name, list] of this.byOwnName) if (keys.nameTests.some((test) => test(name))) lists.push(list);
    }
    const out = lists.length === 0 ? [] : lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a.pos - b.pos || b.end - a.end);
    this.answers.set(keys, out);
    return out;
  }
}

function push(map: Map<string, ts.Node[]>, key: string, node: ts.Node): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
