/**
 * A list of calls grouped by method name (`x.name(...)`) and by own name (`nameOf`: the called function's or
 * method's name): facts of the calls alone, independent of the file's imports, so they are kept per list — the
 * editor's unchanged statements keep theirs from one keystroke to the next (see call-index.ts).
 */
import { calleeMethodName, type CalleeKeys } from '../match/callee-keys';
import { nameOf } from '../match/node-names';
import { ts } from '../ts';
import { groupBy } from './index-views';

type CallLike = ts.CallExpression | ts.NewExpression;

/** Calls of one list by method name and own name, and what each key set asked of them. */
export class CallNames {
  private byName?: Map<string, ts.Node[]>;
  private byOwnName?: Map<string, ts.Node[]>;
  private readonly answers = new Map<CalleeKeys, readonly ts.Node[]>();

  constructor(private readonly calls: readonly ts.Node[]) {}

  /** The calls whose method name is one of `keys.names` or whose own name passes one of `keys.nameTests`, in walk order. */
  candidates(keys: CalleeKeys): readonly ts.Node[] {
    const hit = this.answers.get(keys);
    if (hit) return hit;
    const lists: ts.Node[][] = [];
    if (keys.names.size > 0) {
      const byName = (this.byName ??= groupCalls(this.calls, calleeMethodName));
      for (const name of keys.names) {
        const list = byName.get(name);
        if (list) lists.push(list);
      }
    }
    if (keys.nameTests.length > 0) {
      const byOwnName = (this.byOwnName ??= groupCalls(this.calls, nameOf));
      for (const [name, list] of byOwnName) if (keys.nameTests.some((test) => test(name))) lists.push(list);
    }
    const out = inWalkOrder(lists);
    this.answers.set(keys, out);
    return out;
  }
}

const cache = new WeakMap<readonly ts.Node[], CallNames>();

/** The {@link CallNames} of a node list, kept as long as the list lives. */
export function callNamesOf(calls: readonly ts.Node[]): CallNames {
  let names = cache.get(calls);
  if (!names) cache.set(calls, (names = new CallNames(calls)));
  return names;
}

/** The nodes of several walk-ordered lists, deduplicated, in walk order (outer calls before the calls inside). */
export function inWalkOrder(lists: readonly (readonly ts.Node[])[]): readonly ts.Node[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a.pos - b.pos || b.end - a.end);
}

/** The calls and `new` expressions of a list grouped by a key (those without one left out), each group in walk order. */
export function groupCalls(calls: readonly ts.Node[], keyOf: (call: CallLike) => string | undefined): Map<string, ts.Node[]> {
  return groupBy(calls, (node) => (ts.isCallExpression(node) || ts.isNewExpression(node) ? keyOf(node) : undefined));
}
