import type { NameSpec } from './match/pattern-types';

/** A rule's file-level text prefilter (`requires.text`), compiled for speed. */
export interface TextFilter {
  /** Identical filters share one key, so a file is scanned once per distinct filter. */
  key: string;
  /**
   * `true` for a plain alternation of words: it passes on a text exactly when it passes on some piece of it, so
   * answers per statement can be OR-ed. A regular expression (lookahead conjunctions, anchors) needs the whole text.
   */
  words: boolean;
  test(text: string, lower: () => string): boolean;
}

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
    return {
      key,
      words: true,
      test: (text, lower) => {
        const haystack = caseSensitive ? text : lower();
        for (let i = 0; i < words.length; i++) if (haystack.includes(words[i]!)) return true;
        return false;
      },
    };
  }
  const re = new RegExp(source, caseSensitive ? '' : 'i');
  return { key, words: false, test: (text) => re.test(text) };
}
