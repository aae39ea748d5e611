/**
 * The distinct `requires.text` filters of a rule set, by slot, with all their literal factors (see
 * regex-factors.ts) in one automaton: one pass over a text finds every factor, and a filter's expression runs only
 * where its factors occur. Audits ask whole files ({@link FilterSet.passesOn}); the editor asks each statement
 * for its filters' line-local parts ({@link FilterSet.partBits}).
 */
import type { TextFilter } from './text-filter';
import { WordScanner } from './word-scan';

/** Text filters by slot, and the factor automaton that prechecks them. */
export class FilterSet {
  private readonly keys: string[] = [];
  private readonly list: TextFilter[] = [];
  private scanner?: WordScanner;
  /** Per slot, each factor set of the filter as ids into the automaton. */
  private factorIds: Array<number[][] | undefined> = [];
  /** Per slot and part, the ids of the part's factor strings. */
  private partFactorIds: Array<Array<number[] | undefined> | undefined> = [];

  /** The slot of `filter`: identical filters (same key) share one, so a text is tested once per distinct filter. */
  add(filter: TextFilter): number {
    let slot = this.keys.indexOf(filter.key);
    if (slot < 0) {
      slot = this.keys.push(filter.key) - 1;
      this.list.push(filter);
      this.scanner = undefined;
    }
    return slot;
  }

  /** The filters by slot. */
  get filters(): readonly TextFilter[] {
    return this.list;
  }

  private automaton(): WordScanner {
    if (this.scanner) return this.scanner;
    const factorId = new Map<string, number>();
    const idOf = (word: string): number => {
      let id = factorId.get(word);
      if (id === undefined) factorId.set(word, (id = factorId.size));
      return id;
    };
    this.factorIds = this.list.map((f) => f.factors?.map((set) => set.map(idOf)));
    // Part factors are the filters' factors (one set per part), so they are in the automaton already.
    this.partFactorIds = this.list.map((f) =>
      f.partFactors?.map((set) => {
        const ids = set?.map((word) => factorId.get(word));
        return ids?.every((id): id is number => id !== undefined) ? ids : undefined;
      }),
    );
    return (this.scanner = new WordScanner([...factorId.keys()]));
  }

  /**
   * A test of the filter slots on one text (a file's identifiers and literals, one per line): factors first, found
   * in one pass on first need, then the filter's expression where they occur.
   */
  passesOn(text: () => string, lower: () => string): (slot: number) => boolean {
    const scanner = this.automaton();
    let found: Uint8Array | undefined;
    return (slot) => {
      const sets = this.factorIds[slot];
      const filter = this.list[slot]!;
      if (sets) {
        const seen: Uint8Array = (found ??= scanner.scan(lower()));
        if (!sets.every((ids) => ids.some((id) => seen[id] === 1))) return false;
        if (filter.decidedByFactors) return true;
      }
      return filter.test(text(), lower);
    };
  }

  /**
   * Per slot, the parts of its line-local filter (see {@link TextFilter.parts}) that pass on `corpus` (a
   * statement's identifiers and literals, one per line), as bits: part factors found in one pass over the text
   * decide most parts without running their expressions.
   */
  partBits(corpus: string): Uint32Array {
    const bits = new Uint32Array(this.list.length);
    if (this.list.length === 0) return bits;
    let lowered: string | undefined;
    const lower = (): string => (lowered ??= corpus.toLowerCase());
    const seen = this.automaton().scan(lower());
    for (let slot = 0; slot < this.list.length; slot++) {
      const filter = this.list[slot]!;
      const parts = filter.parts;
      if (!parts) continue;
      const factorIds = this.partFactorIds[slot];
      let b = 0;
      for (let i = 0; i < parts.length; i++) {
        const ids = factorIds?.[i];
        if (ids && !ids.some((id) => seen[id] === 1)) continue;
        if ((ids && filter.decidedByFactors) || parts[i]!(corpus, lower)) b |= 1 << i;
      }
      bits[slot] = b;
    }
    return bits;
  }
}
