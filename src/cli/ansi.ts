/**
 * Minimal ANSI styling for terminal output, and the decision whether to use it at all.
 */

/** Functions that wrap text in a style; identity functions when color is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  underline(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOR: Styles = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  underline: wrap(4, 24),
};

const identity = (text: string): string => text;

const PLAIN: Styles = {
  bold: identity,
  dim: identity,
  red: identity,
  yellow: identity,
  blue: identity,
  green: identity,
  underline: identity,
};

/**
 * Styles for the given decision.
 * @param color - Whether to emit ANSI escape sequences.
 */
export function createStyles(color: boolean): Styles {
  return color ? COLOR : PLAIN;
}

/**
 * Whether to color output: only for a TTY (or when `FORCE_COLOR` is set to something other than `0`),
 * and never when `NO_COLOR` is set to a non-empty value (https://no-color.org), which wins over both.
 * @param isTty - Whether the destination stream is a terminal.
 * @param env - Environment variables.
 */
export function shouldUseColor(isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return isTty && env.TERM !== 'dumb';
}
