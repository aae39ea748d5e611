/**
 * Moving a statement's findings from the text they were made on to the text after an edit elsewhere: offsets
 * after the edit move by the length it added or removed; lines and columns are recomputed from the new tree.
 */
import { lineOfOffset, rangeOf } from '../ranges';
import { ts } from '../ts';
import type { Finding, SourceRange } from '../types';

/** One edit between two texts: `[start, oldEnd)` of the old text became `[start, start + newLength)`. */
export interface EditSpan {
  start: number;
  oldEnd: number;
  newLength: number;
  /** 1-based first and last line of the old text the edit touches. */
  firstLine: number;
  lastLine: number;
}

/** The edit a text change range describes, with its old lines (`lineStarts` of the old text). */
export function editSpan(change: ts.TextChangeRange, oldLineStarts: readonly number[]): EditSpan {
  const start = change.span.start;
  const oldEnd = start + change.span.length;
  return { start, oldEnd, newLength: change.newLength, firstLine: lineOfOffset(oldLineStarts, start), lastLine: lineOfOffset(oldLineStarts, oldEnd) };
}

/** The range overlaps the edit or shares a line with it (snippets are whole lines of the range). */
function rangeTouches(r: SourceRange, edit: EditSpan): boolean {
  if (r.endOffset >= edit.start && r.startOffset <= edit.oldEnd) return true;
  return r.startLine <= edit.lastLine && r.endLine >= edit.firstLine;
}

/**
 * `true` when a finding reads text on the edited lines — its range, the lines of its snippet, a related location
 * or one of its fix edits — so it cannot simply be moved and must be found again.
 */
export function findingTouches(f: Finding, edit: EditSpan): boolean {
  if (rangeTouches(f.range, edit)) return true;
  for (const r of f.related) if (r.file === undefined && rangeTouches(r.range, edit)) return true;
  for (const fix of f.fixes) {
    for (const e of fix.edits) if (e.file === undefined && e.endOffset >= edit.start && e.startOffset <= edit.oldEnd) return true;
  }
  return false;
}

/** The last offset a finding refers to in its own file. */
function lastOffset(f: Finding): number {
  let last = f.range.endOffset;
  for (const r of f.related) if (r.file === undefined) last = Math.max(last, r.range.endOffset);
  for (const fix of f.fixes) for (const e of fix.edits) if (e.file === undefined) last = Math.max(last, e.endOffset);
  return last;
}

/** The finding in the new text's coordinates (a finding that does not touch the edit; itself when before it). */
export function shiftFinding(f: Finding, edit: EditSpan, sf: ts.SourceFile): Finding {
  if (lastOffset(f) < edit.start) return f;
  const delta = edit.newLength - (edit.oldEnd - edit.start);
  const at = (offset: number): number => (offset >= edit.oldEnd ? offset + delta : offset);
  const move = (r: SourceRange): SourceRange => rangeOf(sf, at(r.startOffset), at(r.endOffset));
  return {
    ...f,
    range: move(f.range),
    related: f.related.map((r) => (r.file === undefined ? { ...r, range: move(r.range) } : r)),
    fixes: f.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((e) => (e.file === undefined ? { ...e, startOffset: at(e.startOffset), endOffset: at(e.endOffset) } : e)),
    })),
  };
}
