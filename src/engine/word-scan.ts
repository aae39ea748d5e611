/**
 * Finds which of many strings occur in a text in one pass (an Aho–Corasick automaton over ASCII): the analyzer
 * looks for every prefilter's words and literal factors at once instead of searching the text once per word.
 */

const ALPHABET = 128;

/** An automaton over a fixed list of strings (printable ASCII, tab and newline). */
export class WordScanner {
  /** goto[state * ALPHABET + char]: the next state (failure links already folded in). */
  private readonly next: Int32Array;
  /** For each state, the ids of the strings that end there (directly or through failure links). */
  private readonly outputs: ReadonlyArray<readonly number[] | undefined>;

  /** @param words - The strings; {@link scan} reports them by their index here. */
  constructor(readonly words: readonly string[]) {
    const trie: number[][] = [new Array<number>(ALPHABET).fill(-1)];
    const out: number[][] = [[]];
    words.forEach((word, id) => {
      let s = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (c >= ALPHABET) throw new Error(`word-scan: ${JSON.stringify(word)} is not ASCII`);
        let t = trie[s]![c]!;
        if (t < 0) {
          t = trie.push(new Array<number>(ALPHABET).fill(-1)) - 1;
          out.push([]);
          trie[s]![c] = t;
        }
        s = t;
      }
      out[s]!.push(id);
    });
    const fail = new Int32Array(trie.length);
    const next = new Int32Array(trie.length * ALPHABET);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const t = trie[0]![c]!;
      next[c] = t < 0 ? 0 : t;
      if (t > 0) queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const f = fail[s]!;
      if (out[f]!.length > 0) out[s]!.push(...out[f]!);
      for (let c = 0; c < ALPHABET; c++) {
        const t = trie[s]![c]!;
        if (t < 0) next[s * ALPHABET + c] = next[f * ALPHABET + c]!;
        else {
          next[s * ALPHABET + c] = t;
          fail[t] = next[f * ALPHABET + c]!;
          queue.push(t);
        }
      }
    }
    this.next = next;
    this.outputs = out.map((o) => (o.length > 0 ? [...new Set(o)] : undefined));
  }

  /** found[id] is 1 when words[id] occurs in `text` (characters outside ASCII match no word). */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.words.length);
    const { next, outputs } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = c < ALPHABET ? next[s * ALPHABET + c]! : 0;
      const o = outputs[s];
      if (o !== undefined) for (let k = 0; k < o.length; k++) found[o[k]!] = 1;
    }
    return found;
  }
}
