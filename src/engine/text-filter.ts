import type { NameSpec } from './match/pattern-types';
import { regexFactors } from './regex-factors';

/** A rule's file-level text prefilter (`requires.text`), compiled for speed. */
export interface TextFilter {
  /** Identical filters share one key, so a file is scanned once per distinct filter. */
  key: string;
  /**
   * Tests on single lines of the filter text (one identifier or literal each) that decide the filter: it passes
   * on a text exactly when every part passes on some line of it. So answers per statement combine: a part passes
   * on the file when it passes on some statement. `undefined` when the filter can look across lines (`\s`,
   * `[\s\S]`, anchors inside a pattern): it needs the whole text. At most 31 parts.
   */
  parts?: readonly PartTest[];
  /**
   * Lower-cased strings the lower-cased text must hold for the filter to pass: one of each set (see
   * regex-factors.ts). Checked first, all filters' strings in one pass over the text; `undefined` when unknown.
   */
  factors?: readonly (readonly string[])[];
  /** Per part (aligned with {@link parts}): lower-cased strings a line passing it must hold, one of them. */
  partFactors?: readonly (readonly string[] | undefined)[];
  /** `true` when {@link factors} decide the filter alone (a case-insensitive alternation of words). */
  decidedByFactors: boolean;
  test(text: string, lower: () => string): boolean;
}

/** One part of a {@link TextFilter}: a test of a text made of whole lines (see {@link TextFilter.parts}). */
export type PartTest = (text: string, lower: () => string) => boolean;

const LITERAL_ALTERNATION = /^[A-Za-z0-9_\-/:@. ]+(\|[A-Za-z0-9_\-/:@. ]+)*$/;

/**
 * Compiles `requires.text`. A plain alternation of words (`session`, `jsonwebtoken|jose`) becomes substring
 * searches — on the lower-cased text when case-insensitive — which run many times faster than a regular
 * expression scan; anything else stays a regular expression.
 */
export function compileTextFilter(spec: NameSpec): TextFilter {
  const source = typeof spec === 'string' ? spec : spec.regex;
  const caseSensitive = typeof spec !== 'string' && spec.caseSensitive === true;
  const key = `${caseSensitive ? 's' : 'i'}:${source}`;
  // `.` is a regex metacharacter: only treat the source as words when it has none.
  if (LITERAL_ALTERNATION.test(source) && !source.includes('.')) {
    const words = caseSensitive ? source.split('|') : source.toLowerCase().split('|');
    const test: PartTest = (text, lower) => {
      const haystack = caseSensitive ? text : lower();
      for (let i = 0; i < words.length; i++) if (haystack.includes(words[i]!)) return true;
      return false;
    };
    const factors = [words.map((w) => w.toLowerCase())];
    return { key, parts: [test], partFactors: factors, factors, decidedByFactors: !caseSensitive, test };
  }
  const flags = caseSensitive ? '' : 'i';
  const re = new RegExp(source, flags);
  const pieces = lineLocalParts(source);
  const parts = pieces?.map((piece): PartTest => {
    const partRe = new RegExp(piece, flags);
    return (text) => partRe.test(text);
  });
  const pieceFactors = (pieces ?? [source]).map(regexFactors);
  const factors = pieceFactors.filter((f): f is string[] => f !== undefined);
  return { key, parts, partFactors: pieces ? pieceFactors : undefined, factors: factors.length > 0 ? factors : undefined, decidedByFactors: false, test: (text) => re.test(text) };
}

/** Line-boundary idioms filters use on the one-name-per-line text: `(^|\n)word(\n|$)`. */
const LINE_START = '(^|\\n)';
const LINE_END = '(\\n|$)';
/** A lookahead conjunction: `^(?=[\s\S]*?A)(?=[\s\S]*?B)...` (each lookahead may find its part anywhere). */
const CONJUNCT_OPEN = /^\(\?=\[\\s\\S\]\*\??/;

/**
 * The line-local parts of a regular expression filter: the conjuncts of a lookahead conjunction, or the whole
 * expression, when none can match across a line break — the line idioms may only stand at the edges of
 * alternatives. `undefined` when some part could cross lines.
 */
export function lineLocalParts(source: string): string[] | undefined {
  const parts: string[] = [];
  if (source.startsWith('^(?=')) {
    let rest = source.slice(1);
    while (rest.length > 0) {
      const open = CONJUNCT_OPEN.exec(rest);
      if (!open) return undefined;
      const end = closingParen(rest, 0);
      if (end < 0) return undefined;
      parts.push(rest.slice(open[0].length, end));
      rest = rest.slice(end + 1);
    }
  } else {
    parts.push(source);
  }
  if (parts.length === 0 || parts.length > 31) return undefined;
  return parts.every(isLineLocal) ? parts : undefined;
}

/** Index of the parenthesis closing the group opened at `open` (escapes and character classes skipped), or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function isLineLocal(part: string): boolean {
  let rest = part;
  for (const [idiom, edge] of [
    [LINE_START, (before: string, _after: string) => before === '' || before.endsWith('(') || before.endsWith('|')],
    [LINE_END, (_before: string, after: string) => after === '' || after.startsWith(')') || after.startsWith('|')],
  ] as const) {
    let at = rest.indexOf(idiom);
    while (at >= 0) {
      if (!edge(rest.slice(0, at), rest.slice(at + idiom.length))) return false;
      rest = rest.slice(0, at) + rest.slice(at + idiom.length);
      at = rest.indexOf(idiom);
    }
  }
  return !crossesLines(rest);
}

/**
 * `true` when the expression has something that can match a line break or sees beyond its match: `\s`, `\W`,
 * `\D`, `\n` (in a class too), a negated class that does not exclude `\n`, a lookaround, or a `^`/`$` anchor
 * (start and end of the whole text).
 */
function crossesLines(re: string): boolean {
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      if ('sWDn'.includes(re[i + 1] ?? '')) return true;
      i++;
    } else if (c === '[') {
      const negated = re[i + 1] === '^';
      let j = negated ? i + 2 : i + 1;
      let breaks = false; // the class names \n or \s
      let other = false; // the class names \W or \D
      for (; j < re.length && re[j] !== ']'; j++) {
        if (re[j] !== '\\') continue;
        const e = re[j + 1] ?? '';
        if (e === 'n' || e === 's') breaks = true;
        if (e === 'W' || e === 'D') other = true;
        j++;
      }
      // [\s\S], [\n], [\W]: match a line break; [^a-z] matches one unless it excludes \n itself.
      if (negated ? !breaks : breaks || other) return true;
      i = j;
    } else if (c === '^' || c === '$') return true;
    else if (c === '(' && re[i + 1] === '?' && '=!<'.includes(re[i + 2] ?? '')) return true;
  }
  return false;
}
