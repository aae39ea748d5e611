/**
 * Runs the bundled CLI (`dist/cli.js`) as a child process, the way users and CI run it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The bundled CLI. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

let built = false;

/** Builds the bundle once per test process (`npm run build`). */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  built = true;
}

/** Exit status and output of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runTrustline}. */
export interface RunOptions {
  cwd?: string;
  /** Extra environment variables; `undefined` removes one. Color variables are cleared by default. */
  env?: Record<string, string | undefined>;
}

/**
 * Runs `node dist/cli.js ...args`.
 * @param args - CLI arguments.
 * @param options - Working directory and environment.
 */
export function runTrustline(args: string[], options: RunOptions = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
  for (const [key, value] of Object.entries(options.env ?? {})) env[key] = value;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
