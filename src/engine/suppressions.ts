import { lineOfOffset } from './ranges';

/** A parsed `trustline-ignore-next-line` / `trustline-ignore` comment. */
export interface SuppressionComment {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based line the comment applies to. */
  targetLine: number;
  /** `next-line` for `trustline-ignore-next-line`, `same-line` for `trustline-ignore`. */
  form: 'next-line' | 'same-line';
  ruleIds: string[];
  reason: string;
  /** A valid ISO date (YYYY-MM-DD). */
  until?: string;
  /** The text after a trailing `until` when it is not a valid YYYY-MM-DD date (the comment is then reported). */
  invalidUntil?: string;
}

/**
 * `true` for a real calendar date written as YYYY-MM-DD.
 * @param text - Candidate date.
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

const COMMENT = /(?:\/\/|\/\*|\{\/\*)\s*trustline-ignore(-next-line)?\b([^\n]*)/g;

/**
 * Finds suppression comments: `// trustline-ignore-next-line <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]`
 * (applies to the next line) and `// trustline-ignore <rule-id> -- <reason>` (applies to its own line).
 */
export function parseSuppressions(text: string): SuppressionComment[] {
  if (!text.includes('trustline-ignore')) return [];
  const out: SuppressionComment[] = [];
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => lineOfOffset(lineStarts, offset);
  for (const m of text.matchAll(COMMENT)) {
    const line = lineAt(m.index);
    const nextLine = m[1] !== undefined;
    let body = (m[2] ?? '').replace(/\*\/\s*\}?\s*$/, '').trim();
    let until: string | undefined;
    let invalidUntil: string | undefined;
    const untilMatch = /(?:^|\s)until\s+(\d[\d./-]*)\s*$/.exec(body);
    if (untilMatch) {
      if (isIsoDate(untilMatch[1]!)) until = untilMatch[1];
      else invalidUntil = untilMatch[1];
      body = body.slice(0, untilMatch.index).trim();
    }
    const sep = body.indexOf('--');
    const idsPart = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const ruleIds = idsPart.split(/[\s,]+/).filter((s) => s.length > 0);
    const comment: SuppressionComment = { line, targetLine: nextLine ? line + 1 : line, form: nextLine ? 'next-line' : 'same-line', ruleIds, reason, until };
    if (invalidUntil !== undefined) comment.invalidUntil = invalidUntil;
    out.push(comment);
  }
  return out;
}
