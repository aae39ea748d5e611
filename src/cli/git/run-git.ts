/**
 * Runs `git` as a child process with a stable, non-interactive environment: no pager, no prompts, no
 * optional locks, English messages, paths printed unquoted. Never throws: callers get a result that says
 * whether git is missing, failed, or succeeded.
 */
import { spawnSync } from 'node:child_process';

/** The outcome of one git invocation. */
export type GitResult =
  | { kind: 'ok'; stdout: string }
  /** git exited non-zero; `stderr` is its message (first line is usually enough to show). */
  | { kind: 'failed'; status: number | null; stderr: string }
  /** The `git` executable could not be started (not installed, not on PATH). */
  | { kind: 'missing'; message: string };

/** Options of {@link runGit}. */
export interface RunGitOptions {
  /** Environment to start from (default `process.env`); `GIT_DIR`/`GIT_WORK_TREE` are honoured if set there. */
  env?: NodeJS.ProcessEnv;
}

/** Output larger than this is an error rather than silently truncated (diffs of huge repositories). */
const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Runs `git <args>` in `cwd`.
 * @param cwd - Working directory (inside the repository to query).
 * @param args - Arguments after `git`.
 * @param options - Environment.
 */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): GitResult {
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, env, encoding: 'utf8', maxBuffer: MAX_BUFFER, windowsHide: true });
  if (result.error) {
    const code = 'code' in result.error ? String(result.error.code) : '';
    if (code === 'ENOENT') return { kind: 'missing', message: 'git is not installed or not on PATH' };
    return { kind: 'failed', status: null, stderr: result.error.message };
  }
  if (result.status !== 0) return { kind: 'failed', status: result.status, stderr: result.stderr.trim() };
  return { kind: 'ok', stdout: result.stdout };
}

/**
 * The first line of git's error output, without git's `fatal: ` / `error: ` prefix.
 * @param stderr - git's standard error.
 */
export function gitErrorLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? 'git failed';
  return line.replace(/^(fatal|error): /, '').trim();
}
