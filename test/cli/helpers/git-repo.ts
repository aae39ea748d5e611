/**
 * Scratch git repositories for CLI tests: a workspace with `git init`, a local author, and commits with
 * fixed dates. Global and system git configuration are ignored so the tests behave the same everywhere.
 */
import { spawnSync } from 'node:child_process';
import { createWorkspace, type Workspace } from './workspace';

/** Author of every commit in a scratch repository. */
export const AUTHOR = { name: 'Grace Hopper', email: 'grace@example.com' };

/** A workspace that is a git repository. */
export interface GitWorkspace extends Workspace {
  /** Runs git in the workspace and returns stdout; throws on failure. */
  git(...args: string[]): string;
  /** Stages everything and commits with the given author date (ISO 8601 with offset). */
  commit(message: string, date?: string): string;
}

/** Environment that keeps the user's own git configuration out of the tests. */
export const HERMETIC_GIT_ENV: Record<string, string> = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/**
 * Creates a repository with the files (not committed yet).
 * @param files - Map of relative path to content.
 */
export function createGitWorkspace(files: Record<string, string> = {}): GitWorkspace {
  const ws = createWorkspace(files);
  const git = (...args: string[]): string => runGitIn(ws.dir, args, {});
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', AUTHOR.name);
  git('config', 'user.email', AUTHOR.email);
  git('config', 'commit.gpgsign', 'false');
  return {
    ...ws,
    git,
    commit(message, date = '2024-03-05T00:30:00+0100') {
      git('add', '-A');
      runGitIn(ws.dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

function runGitIn(cwd: string, args: string[], env: Record<string, string>): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...HERMETIC_GIT_ENV, ...env } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
