/**
 * `util.parseArgs` with its errors turned into one-line {@link UsageError}s that name the command,
 * the offending option and what was expected.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggestClosest } from './edit-distance';
import { UsageError } from './usage-error';

/** Option definitions as `util.parseArgs` takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed values: strings, booleans or (for `multiple`) arrays, keyed by long option name. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Result of {@link parseCommandArgs}. */
export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

/**
 * Parses `args` for `command` strictly (unknown options are errors).
 * @param command - Command name for messages, e.g. `audit`.
 * @param args - Arguments after the command name.
 * @param options - Option definitions.
 * @throws {@link UsageError} for unknown options or missing values.
 */
export function parseCommandArgs(command: string, args: string[], options: OptionSpecs): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw translate(command, error, options);
  }
}

/**
 * The string value of an option, or `undefined`.
 * @param values - Parsed values.
 * @param name - Long option name.
 */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * All string values of a `multiple` option.
 * @param values - Parsed values.
 * @param name - Long option name.
 */
export function stringListOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * Validates a string option against its allowed values.
 * @param name - Long option name.
 * @param value - The given value.
 * @param allowed - Allowed values.
 * @throws {@link UsageError} naming the allowed values (and the closest one).
 */
export function choiceOption<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const closest = suggestClosest(value, allowed);
  const hint = closest !== undefined ? `; did you mean "${closest}"?` : '';
  throw new UsageError(`--${name} "${value}" is not valid (expected ${allowed.join(', ')})${hint}`);
}

function translate(command: string, error: unknown, options: OptionSpecs): unknown {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return error;
  const known = Object.keys(options).map((name) => `--${name}`);
  const where = `"trustline ${command}"`;
  const optionName = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = optionName.split('=')[0];
      const closest = suggestClosest(bare, known);
      const hint = closest !== undefined ? `; did you mean ${closest}?` : '';
      return new UsageError(
        `unknown option ${bare} for ${where} (expected one of ${known.join(', ')})${hint}`,
        `Run "trustline ${command} --help" for usage.`,
      );
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const long = /--[a-z-]+/.exec(optionName)?.[0] ?? optionName;
      if (/does not take an argument/.test(error.message)) {
        return new UsageError(`option ${long} of ${where} is a flag and takes no value (expected ${long} alone)`);
      }
      return new UsageError(`option ${long} of ${where} needs a value (expected ${long} <value>)`);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument for ${where}: ${error.message}`);
    default:
      return new UsageError(`${where}: ${error.message}`);
  }
}
