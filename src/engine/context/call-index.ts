/**
 * The calls of a node list (one file's or one statement's calls of one syntax kind) grouped by method name, by
 * callee identity and by their own name, so a rule whose pattern requires certain callees (see
 * match/callee-keys.ts) is tested only on the calls that have them. Names are grouped per part list (see
 * call-names.ts; the editor's statements keep theirs across keystrokes); identities, which depend on the file's
 * imports, are resolved once per analysis, when a key first needs them.
 */
import type { CalleeKeys } from '../match/callee-keys';
import { identityMatcher } from '../match/primitives/call';
import { ts } from '../ts';
import type { Bindings } from './bindings';
import { callNamesOf, groupCalls, inWalkOrder } from './call-names';

/** A list of call or `new` expressions, indexed by method name, callee identity and own name. */
export class CallIndex {
  private byIdentity?: Map<string, ts.Node[]>;
  private readonly answers = new Map<CalleeKeys, readonly ts.Node[]>();

  /**
   * @param calls - The calls, in walk order.
   * @param parts - The same calls as consecutive lists (one per statement in the editor), for the name groupings.
   */
  constructor(
    private readonly calls: readonly ts.Node[],
    private readonly bindings: Bindings,
    private readonly parts: readonly (readonly ts.Node[])[] = [calls],
  ) {}

  /** The calls that can pass a pattern with these keys, in walk order (outer calls before the calls inside them). */
  candidates(keys: CalleeKeys): readonly ts.Node[] {
    const hit = this.answers.get(keys);
    if (hit) return hit;
    const lists: (readonly ts.Node[])[] = [];
    if (keys.names.size > 0 || keys.nameTests.length > 0) {
      const named: ts.Node[] = [];
      for (const part of this.parts) {
        const found = callNamesOf(part).candidates(keys);
        for (let i = 0; i < found.length; i++) named.push(found[i]!);
      }
      if (named.length > 0) lists.push(named);
    }
    if (keys.identities.length > 0) {
      const accepts = identityMatcher([...keys.identities]);
      const byIdentity = (this.byIdentity ??= groupCalls(this.calls, (c) => this.bindings.identityOf(c.expression)));
      for (const [identity, list] of byIdentity) if (accepts(identity)) lists.push(list);
    }
    const out = inWalkOrder(lists);
    this.answers.set(keys, out);
    return out;
  }
}
