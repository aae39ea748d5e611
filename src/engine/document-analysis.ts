/**
 * Incremental analysis for editors: one DocumentAnalysis per open document keeps the document's last syntax
 * tree and, on the next analysis, lets `ts.updateSourceFile` re-parse only around the edit (the compiler's own
 * incremental parser, the one tsserver uses per keystroke; unchanged subtrees are reused). Then only the
 * top-level statements the edit re-created, and those tied to them by name, are indexed and matched again (see
 * incremental/incremental-analysis.ts); {@link DocumentAnalysis.settle} matches everything, as
 * `Analyzer.analyzeText` does — the tests check both give a fresh parse's findings.
 */
import { looksMinified, type Analyzer } from './analyzer';
import { analyzeIncrementally, type IncrementalState } from './incremental/incremental-analysis';
import { parseSource } from './parse';
import { ts } from './ts';
import type { FileResult } from './types';

/** Characters compared at once (natively, as substrings) before narrowing down to the first difference. */
const BLOCK = 512;

/** Length of the common prefix of `a` and `b`, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The span of `before` that changed to become `after` (common prefix and suffix trimmed). */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const max = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, max);
  const tail = commonSuffix(before, after, max - start);
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - tail - start), after.length - tail - start);
}

/** Characters the compiler counts as line breaks besides `\n` (where they are near an edit, lines are recounted). */
const OTHER_BREAKS = /[\r\u2028\u2029]/;

/**
 * The line starts of `after` from those of `before` and the edit between them: lines before the edit are kept,
 * lines after it move by the edit's length change, and only the edited span is scanned — what
 * `ts.computeLineStarts` gives, without a pass over the whole text per keystroke. `undefined` when a carriage
 * return or a Unicode line separator is near the edit (counted afresh then).
 */
export function updatedLineStarts(before: readonly number[], beforeText: string, after: string, change: ts.TextChangeRange): number[] | undefined {
  const start = change.span.start;
  const oldEnd = start + change.span.length;
  const newEnd = start + change.newLength;
  if (OTHER_BREAKS.test(beforeText.slice(Math.max(0, start - 1), oldEnd + 1)) || OTHER_BREAKS.test(after.slice(Math.max(0, start - 1), newEnd + 1))) return undefined;
  const delta = change.newLength - change.span.length;
  const out: number[] = [];
  let i = 0;
  while (i < before.length && before[i]! <= start) out.push(before[i++]!);
  for (let p = after.indexOf('\n', start); p >= 0 && p < newEnd; p = after.indexOf('\n', p + 1)) out.push(p + 1);
  while (i < before.length && before[i]! <= oldEnd) i++;
  for (; i < before.length; i++) out.push(before[i]! + delta);
  return out;
}

/** One open document's analysis state: its last syntax tree and what each top-level statement contributed. */
export class DocumentAnalysis {
  private tree: ts.SourceFile | undefined;
  /** The edit between the previous tree's text and the current one (undefined after a fresh parse). */
  private change: ts.TextChangeRange | undefined;
  private state: IncrementalState | undefined;
  /** Statements matched by the last analysis, out of the file's (for benches and tests). */
  lastStats: { matched: number; statements: number } | undefined;
  private last: { text: string; analyzer: Analyzer; result: FileResult; partial: boolean } | undefined;

  /**
   * `true` when the last {@link analyze} carried some statements' findings over from the previous text instead
   * of matching them again: the editor then calls {@link settle} once typing pauses.
   */
  get partial(): boolean {
    return this.last?.partial ?? false;
  }

  /** @param file - The document's path (its extension picks TS/TSX/JS/JSX parsing). */
  constructor(readonly file: string) {}

  /** The syntax tree of `text`, re-parsed incrementally from the previous one. */
  parse(text: string): ts.SourceFile {
    const old = this.tree;
    let sf: ts.SourceFile;
    this.change = undefined;
    if (!old) sf = parseSource(this.file, text);
    else if (old.text === text) sf = old;
    else {
      const change = changeRange(old.text, text);
      try {
        const oldLines = Reflect.get(old, 'lineMap');
        sf = ts.updateSourceFile(old, text, change);
        this.change = change;
        // The compiler keeps a file's line starts in an internal field it fills on first use; give the new tree
        // its line starts updated from the old ones (read defensively: without the field, it counts them itself).
        if (Array.isArray(oldLines) && Reflect.get(sf, 'lineMap') === undefined) {
          const lines = updatedLineStarts(oldLines, old.text, text, change);
          if (lines) Reflect.set(sf, 'lineMap', lines);
        }
      } catch {
        sf = parseSource(this.file, text); // the incremental parser refused: parse afresh
        this.state = undefined;
      }
    }
    this.tree = sf;
    return sf;
  }

  /**
   * Analyzes the document's current text with `analyzer`: incremental re-parse, then only the statements the edit
   * concerns are matched again (see {@link partial}).
   */
  analyze(analyzer: Analyzer, text: string): FileResult {
    return this.run(analyzer, text, false);
  }

  /** Analyzes the current text matching every statement: the result a fresh `analyzeText` gives. */
  settle(analyzer: Analyzer, text: string): FileResult {
    return this.run(analyzer, text, true);
  }

  private run(analyzer: Analyzer, text: string, full: boolean): FileResult {
    const last = this.last;
    if (last && last.text === text && last.analyzer === analyzer && (!full || !last.partial)) return last.result;
    const sf = this.parse(text);
    if (/\.min\.[cm]?js$/.test(this.file) || looksMinified(text)) {
      this.state = undefined;
      const result = analyzer.analyzeText(this.file, text, sf);
      this.last = { text, analyzer, result, partial: false };
      return result;
    }
    const out = analyzeIncrementally(analyzer, this.file, text, sf, full ? undefined : this.change, full ? undefined : this.state);
    this.state = out.state;
    this.lastStats = { matched: out.matched, statements: out.statements };
    this.last = { text, analyzer, result: out.result, partial: out.partial };
    return out.result;
  }

  /** Forgets the tree and what the statements contributed (the next analysis starts afresh). */
  reset(): void {
    this.tree = undefined;
    this.state = undefined;
    this.last = undefined;
  }
}
