/**
 * The error type for everything the user can fix: bad arguments, missing paths, unreadable rule packs.
 * The CLI prints its message on one line and exits with {@link USAGE_EXIT_CODE}.
 */

/** Exit code for usage and configuration errors. */
export const USAGE_EXIT_CODE = 2;

/** A usage or configuration error: the message says what is wrong and what was expected. */
export class UsageError extends Error {
  /** Optional hint printed on a second line, e.g. which command shows the valid values. */
  readonly hint: string | undefined;

  /**
   * @param message - What is wrong and what was expected, as one line.
   * @param hint - Optional follow-up advice.
   */
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
