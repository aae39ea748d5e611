/**
 * Incremental re-parsing for editors: one DocumentAnalysis per open document keeps the document's last syntax
 * tree and, on the next analysis, lets `ts.updateSourceFile` re-parse only around the edit (the compiler's own
 * incremental parser, the one tsserver uses per keystroke; unchanged subtrees are reused). The rules then run
 * exactly as in `Analyzer.analyzeText` — same findings as a fresh parse, which the tests check.
 */
import type { Analyzer } from './analyzer';
import { parseSource } from './parse';
import { ts } from './ts';
import type { FileResult } from './types';

/** The span of `before` that changed to become `after` (common prefix and suffix trimmed). */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - tail - start), after.length - tail - start);
}

export class DocumentAnalysis {
  private tree: ts.SourceFile | undefined;

  /** @param file - The document's path (its extension picks TS/TSX/JS/JSX parsing). */
  constructor(readonly file: string) {}

  /** The syntax tree of `text`, re-parsed incrementally from the previous one. */
  parse(text: string): ts.SourceFile {
    const old = this.tree;
    let sf: ts.SourceFile;
    if (!old) sf = parseSource(this.file, text);
    else if (old.text === text) sf = old;
    else {
      try {
        sf = ts.updateSourceFile(old, text, changeRange(old.text, text));
      } catch {
        sf = parseSource(this.file, text); // the incremental parser refused: parse afresh
      }
    }
    this.tree = sf;
    return sf;
  }

  /** Analyzes the document's current text with `analyzer` on the incrementally parsed tree. */
  analyze(analyzer: Analyzer, text: string): FileResult {
    const sf = this.parse(text);
    return analyzer.analyzeText(this.file, text, sf);
  }

  /** Forgets the tree (the next analysis parses afresh). */
  reset(): void {
    this.tree = undefined;
  }
}
