import type { NameSpec } from './pattern-types';
import { PatternError } from './compiled';
import { regexHazard } from './regex-safety';

/**
 * Longest string a rule's regular expression is tested on: longer names and literals are tested on their first
 * `MAX_REGEX_INPUT` characters, so even a slow (polynomial) pattern has a bounded cost per test.
 */
export const MAX_REGEX_INPUT = 8192;

/** A compiled regular expression of a rule: only `test`, on input bounded to {@link MAX_REGEX_INPUT} characters. */
export interface RuleRegex {
  readonly source: string;
  test(input: string): boolean;
}

/** Off while compiling patterns that were checked when the built-in snapshot was written. */
let checkHazards = true;

/**
 * Runs `compile` without the catastrophic-backtracking check: for the built-in pack's snapshot, whose patterns
 * the build already checked (the check parses every expression, the bulk of loading the pack).
 */
export function compileWithoutHazardCheck<T>(compile: () => T): T {
  const previous = checkHazards;
  checkHazards = false;
  try {
    return compile();
  } finally {
    checkHazards = previous;
  }
}

/** A compiled name test. */
export type NameTest = (name: string) => boolean;

/** Longest literal tried when asking whether a name occurs in a file or statement (names are short). */
const MAX_NAME_LITERAL = 64;

/** `true` when one of `identifiers`, or one of `literals` of at most 64 characters, passes `test`. */
export function someNamePasses(identifiers: Iterable<string>, literals: readonly string[], test: NameTest): boolean {
  for (const id of identifiers) if (test(id)) return true;
  for (const lit of literals) if (lit.length <= MAX_NAME_LITERAL && test(lit)) return true;
  return false;
}

/**
 * Compiles a {@link NameSpec}: a case-insensitive regular expression, optionally with an `exclude` expression.
 * Patterns are checked when the rule loads; an invalid one is a load error naming its JSON pointer.
 */
export function compileNameSpec(spec: NameSpec, where: string): NameTest {
  const source = typeof spec === 'string' ? spec : spec.regex;
  const flags = typeof spec === 'string' || !spec.caseSensitive ? 'i' : '';
  const include = compileRegex(source, flags, where);
  const exclude = typeof spec === 'string' || spec.exclude === undefined ? undefined : compileRegex(spec.exclude, flags, `${where}/exclude`);
  return exclude ? (name) => include.test(name) && !exclude.test(name) : (name) => include.test(name);
}

/**
 * Compiles a regular expression from a rule, reporting a clear error with the JSON pointer: invalid syntax, or a
 * pattern that can backtrack catastrophically (see regex-safety.ts). Tests run on bounded input.
 */
export function compileRegex(source: string, flags: string, where: string): RuleRegex {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    throw new PatternError(`invalid regular expression ${JSON.stringify(source)}: ${(err as Error).message}`, where);
  }
  const hazard = checkHazards ? regexHazard(source, flags.includes('i')) : undefined;
  if (hazard !== undefined) throw new PatternError(`unsafe regular expression ${JSON.stringify(source)}: ${hazard}`, where);
  return {
    source,
    test: (input) => re.test(input.length > MAX_REGEX_INPUT ? input.slice(0, MAX_REGEX_INPUT) : input),
  };
}
