import type { NameSpec } from './pattern-types';
import { PatternError } from './compiled';

/** A compiled name test. */
export type NameTest = (name: string) => boolean;

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

/** Compiles a regular expression from a rule, reporting a clear error with the JSON pointer. */
export function compileRegex(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new PatternError(`invalid regular expression ${JSON.stringify(source)}: ${(err as Error).message}`, where);
  }
}
