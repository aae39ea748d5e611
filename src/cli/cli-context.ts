/**
 * What a command needs from the process, passed explicitly so commands stay testable in-process.
 */

/** The process environment of one CLI invocation. */
export interface CliContext {
  /** Working directory relative paths are resolved against. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
}

/** A {@link CliContext} bound to the current process. */
export function processContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
  };
}
