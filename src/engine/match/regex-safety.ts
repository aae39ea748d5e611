/**
 * Catastrophic-backtracking check for regular expressions from rule packs. JavaScript's engine backtracks, so
 * a pattern such as `(a+)+$` takes exponential time on a short non-matching input; a pack is data from a
 * repository and must not be able to stall an audit or the editor.
 *
 * The check works on the parse tree of `ret` (the tokenizer safe-regex2 uses) and flags the two shapes that
 * cause exponential backtracking:
 * - **nested unbounded quantifiers** (star height > 1): a repetition with `max > 1` containing another one, e.g.
 *   `(a+)+`, `(\w+\s?)*`, `(.*a){12}` — unless every iteration of the outer repetition is delimited by a
 *   mandatory first or last character that no inner repetition can consume (`(-[a-z]+)+`, `(_[A-Z0-9]+)*`,
 *   `(\.\w+)+`), which makes the split between iterations unambiguous;
 * - **overlapping single-character alternatives** under an unbounded repetition: `(a|a)*`, `(\w|\d)+`.
 *
 * Unlike safe-regex2 it ignores `?` (at most one iteration cannot nest ambiguously) and does not cap the number of
 * quantifiers, so long but linear patterns pass. Evaluation is bounded separately (see `boundedRegex`).
 */
import ret, { types, type Root, type SetTokens, type Token } from 'ret';

/** Code-point ranges `[from, to]` (inclusive), sorted and merged. */
type CharRanges = Array<[number, number]>;

const MAX_CODE = 0x10ffff;

function merge(ranges: CharRanges): CharRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: CharRanges = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function complement(ranges: CharRanges): CharRanges {
  const out: CharRanges = [];
  let next = 0;
  for (const [from, to] of merge(ranges)) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE) out.push([next, MAX_CODE]);
  return out;
}

function overlaps(a: CharRanges, b: CharRanges): boolean {
  for (const [af, at] of a) for (const [bf, bt] of b) if (af <= bt && bf <= at) return true;
  return false;
}

/** Adds the other case of ASCII letters (patterns from rules are mostly case-insensitive). */
function foldCase(ranges: CharRanges): CharRanges {
  const out: CharRanges = [...ranges];
  for (const [from, to] of ranges) {
    const lo = Math.max(from, 0x61);
    const hi = Math.min(to, 0x7a);
    if (lo <= hi) out.push([lo - 0x20, hi - 0x20]);
    const LO = Math.max(from, 0x41);
    const HI = Math.min(to, 0x5a);
    if (LO <= HI) out.push([LO + 0x20, HI + 0x20]);
  }
  return merge(out);
}

function setRanges(set: SetTokens, not: boolean): CharRanges {
  const ranges: CharRanges = [];
  for (const t of set) {
    if (t.type === types.CHAR) ranges.push([t.value, t.value]);
    else if (t.type === types.RANGE) ranges.push([t.from, t.to]);
    else ranges.push(...setRanges(t.set, t.not));
  }
  return not ? complement(ranges) : merge(ranges);
}

/** Every character a token can consume (an over-approximation for groups). */
function charsOf(token: Token): CharRanges {
  switch (token.type) {
    case types.CHAR:
      return [[token.value, token.value]];
    case types.SET:
      return setRanges(token.set, token.not);
    case types.REPETITION:
      return charsOf(token.value);
    case types.GROUP:
      return merge(optionsOf(token).flatMap((o) => o.flatMap(charsOf)));
    case types.REFERENCE:
      // A back-reference repeats what a group matched: it can be anything.
      return [[0, MAX_CODE]];
    default:
      return [];
  }
}

function optionsOf(node: Root | Extract<Token, { type: types.GROUP }>): Token[][] {
  return node.options ?? (node.stack ? [node.stack] : []);
}

function isUnbounded(token: Token): token is Extract<Token, { type: types.REPETITION }> {
  return token.type === types.REPETITION && token.max > 1;
}

/** Repetitions with `max > 1` anywhere inside `token` (not `token` itself). */
function nestedRepetitions(token: Token): Array<Extract<Token, { type: types.REPETITION }>> {
  const out: Array<Extract<Token, { type: types.REPETITION }>> = [];
  const visit = (t: Token): void => {
    if (isUnbounded(t)) out.push(t);
    if (t.type === types.REPETITION) visit(t.value);
    else if (t.type === types.GROUP) for (const o of optionsOf(t)) o.forEach(visit);
  };
  if (token.type === types.REPETITION) visit(token.value);
  return out;
}

/** A single mandatory character matcher (a char, a set, or a group of exactly one such option). */
function mandatoryChars(token: Token | undefined): CharRanges | undefined {
  if (!token) return undefined;
  if (token.type === types.CHAR || token.type === types.SET) return charsOf(token);
  if (token.type === types.REPETITION && token.min >= 1) return mandatoryChars(token.value);
  if (token.type === types.GROUP && !token.followedBy && !token.notFollowedBy) {
    const options = optionsOf(token);
    if (options.length === 0) return undefined;
    const firsts = options.map((o) => mandatoryChars(o[0]));
    if (firsts.some((f) => f === undefined)) return undefined;
    return merge(firsts.flatMap((f) => f ?? []));
  }
  return undefined;
}

/** `true` when every iteration of `rep` starts or ends with a character no inner repetition can consume. */
function delimited(rep: Extract<Token, { type: types.REPETITION }>, inner: CharRanges, fold: (r: CharRanges) => CharRanges): boolean {
  const body = rep.value;
  const options = body.type === types.GROUP ? optionsOf(body) : [[body]];
  return options.every((option) => {
    const first = mandatoryChars(option[0]);
    const last = mandatoryChars(option[option.length - 1]);
    const firstIsInner = option[0] !== undefined && isUnbounded(option[0]);
    const lastIsInner = option.length > 0 && isUnbounded(option[option.length - 1]!);
    return (first !== undefined && !firstIsInner && !overlaps(fold(first), inner)) || (last !== undefined && !lastIsInner && !overlaps(fold(last), inner));
  });
}

function singleCharOption(option: Token[]): CharRanges | undefined {
  if (option.length !== 1) return undefined;
  const t = option[0]!;
  const inner = t.type === types.REPETITION ? t.value : t;
  return inner.type === types.CHAR || inner.type === types.SET ? charsOf(inner) : undefined;
}

/**
 * Why a regular expression can backtrack catastrophically, or `undefined` when it is safe.
 * @param source - The pattern text (without slashes).
 * @param caseInsensitive - The pattern runs with the `i` flag.
 */
export function regexHazard(source: string, caseInsensitive: boolean): string | undefined {
  let root: Root;
  try {
    root = ret(source);
  } catch (err) {
    return `it cannot be checked for catastrophic backtracking (${(err as Error).message.replace(/^Invalid regular expression: \/.*\/: /, '')}); lookbehind and other syntax the checker does not know are not allowed in packs`;
  }
  const fold = caseInsensitive ? foldCase : (r: CharRanges): CharRanges => r;
  let hazard: string | undefined;
  const visit = (t: Token): void => {
    if (hazard) return;
    if (isUnbounded(t)) {
      const inner = nestedRepetitions(t);
      if (inner.length > 0) {
        const innerChars = fold(merge(inner.flatMap((r) => charsOf(r))));
        if (!delimited(t, innerChars, fold)) {
          hazard = 'it nests a repeated group inside another repetition (like (a+)+), which backtracks exponentially on inputs that almost match; make the iterations unambiguous (e.g. start each with a separator the inner part cannot match) or flatten the pattern';
          return;
        }
      }
      if (t.value.type === types.GROUP) {
        const singles = optionsOf(t.value).map(singleCharOption);
        for (let i = 0; i < singles.length && !hazard; i++) {
          for (let j = i + 1; j < singles.length; j++) {
            const a = singles[i];
            const b = singles[j];
            if (a && b && overlaps(fold(a), fold(b))) {
              hazard = 'it repeats alternatives that match the same characters (like (a|a)* or (\\w|\\d)+), which backtracks exponentially; merge them into one character class';
              break;
            }
          }
        }
      }
    }
    if (t.type === types.REPETITION) visit(t.value);
    else if (t.type === types.GROUP) for (const o of optionsOf(t)) o.forEach(visit);
  };
  for (const option of optionsOf(root)) option.forEach(visit);
  return hazard;
}
