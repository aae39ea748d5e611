import { ts } from './ts';
import type { SourceRange } from './types';

/** 1-based line/column range of `[start, end)` in a file. */
export function rangeOf(sf: ts.SourceFile, start: number, end: number): SourceRange {
  const s = sf.getLineAndCharacterOfPosition(start);
  const e = sf.getLineAndCharacterOfPosition(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, startOffset: start, endOffset: end };
}

/** 1-based line of an offset, by binary search over a text's line start offsets. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The span a finding is reported on: a call's callee (`jwt.sign`, `new SignJWT`), otherwise the node; a node
 * longer than three lines is cut to its first line, so a finding never covers unrelated lines below it.
 */
export function reportSpan(sf: ts.SourceFile, node: ts.Node): [number, number] {
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = node.expression;
    const start = node.getStart(sf);
    return [start, callee.getEnd()];
  }
  const start = node.getStart(sf);
  const end = node.getEnd();
  const s = sf.getLineAndCharacterOfPosition(start).line;
  const e = sf.getLineAndCharacterOfPosition(end).line;
  if (e - s <= 2) return [start, end];
  const lineEnd = sf.getLineEndOfPosition(start);
  return [start, lineEnd];
}
