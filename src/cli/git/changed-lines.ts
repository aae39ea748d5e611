/**
 * Which lines changed since a git revision, for `audit --changed-since <ref>`: committed, staged and
 * unstaged changes (`git diff --unified=0 <ref>` against the working tree, renames followed), plus
 * untracked files (not ignored), which count as wholly changed.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceRange } from '../../engine';
import { UsageError } from '../usage-error';
import { gitErrorLine, runGit, type GitResult } from './run-git';
import { parseUnifiedDiff, type FileLineChanges } from './unified-diff';

/** The changes of a working tree since a revision. */
export class ChangeSet {
  /**
   * @param ref - The revision as the user typed it.
   * @param commit - The commit it resolved to.
   * @param toplevel - Real path of the repository's work tree.
   * @param files - Changed lines per real absolute path; `'all'` for untracked files.
   */
  constructor(
    readonly ref: string,
    readonly commit: string,
    readonly toplevel: string,
    private readonly files: ReadonlyMap<string, FileLineChanges | 'all'>,
  ) {}

  /**
   * `true` when the file has any change since the revision (or is untracked).
   * @param file - Absolute path.
   */
  hasChanges(file: string): boolean {
    const changes = this.files.get(realPath(file));
    return changes === 'all' || (changes !== undefined && (changes.added.size > 0 || changes.deletedAfter.size > 0));
  }

  /**
   * `true` when a line of the range was added or rewritten, or lines inside it were deleted.
   * @param file - Absolute path of the file.
   * @param range - 1-based line range of a finding.
   */
  touches(file: string, range: Pick<SourceRange, 'startLine' | 'endLine'>): boolean {
    const changes = this.files.get(realPath(file));
    if (changes === undefined) return false;
    if (changes === 'all') return true;
    const last = Math.max(range.startLine, range.endLine);
    for (let line = range.startLine; line <= last; line++) if (changes.added.has(line)) return true;
    for (let line = range.startLine; line < last; line++) if (changes.deletedAfter.has(line)) return true;
    return false;
  }
}

/**
 * Collects the changes since `ref` of the repository containing `dir`.
 * @param dir - A folder inside the work tree (the audit root).
 * @param ref - A branch, tag, commit or other revision.
 * @throws {@link UsageError} when git is missing, `dir` is not in a work tree, or `ref` is unknown.
 */
export function changesSince(dir: string, ref: string): ChangeSet {
  const where = `--changed-since ${ref}`;
  if (ref.trim() === '' || ref.startsWith('-')) {
    throw new UsageError(`${where}: not a git revision (expected a branch, tag or commit, e.g. origin/main or HEAD~1)`);
  }
  const top = expect(runGit(dir, ['rev-parse', '--show-toplevel']), (message) =>
    /not a git repository/i.test(message)
      ? `${where}: ${dir} is not inside a git repository (expected the audited folder to be in a git work tree)`
      : `${where}: git cannot read the repository at ${dir}: ${message}`,
  );
  const toplevel = realPath(top.trim());
  const commit = expect(runGit(toplevel, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]), () =>
    `${where}: unknown git revision "${ref}" in ${toplevel} (expected a branch, tag or commit, e.g. origin/main or HEAD~1; fetch it first in a shallow CI clone)`,
  ).trim();
  const diff = expect(
    runGit(toplevel, ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--ignore-submodules', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', commit, '--']),
    (message) => `${where}: git diff failed in ${toplevel}: ${message}`,
  );
  const untracked = expect(runGit(toplevel, ['ls-files', '--others', '--exclude-standard', '-z']), (message) => `${where}: git ls-files failed in ${toplevel}: ${message}`);
  const files = new Map<string, FileLineChanges | 'all'>();
  for (const [relative, changes] of parseUnifiedDiff(diff)) files.set(path.join(toplevel, ...relative.split('/')), changes);
  for (const relative of untracked.split('\0')) if (relative !== '') files.set(path.join(toplevel, ...relative.split('/')), 'all');
  return new ChangeSet(ref, commit, toplevel, files);
}

function expect(result: GitResult, explain: (message: string) => string): string {
  if (result.kind === 'ok') return result.stdout;
  if (result.kind === 'missing') throw new UsageError(`--changed-since needs git, which is ${result.message.replace(/^git is /, '')} (expected the git command to be available)`);
  throw new UsageError(explain(gitErrorLine(result.stderr)));
}

const realCache = new Map<string, string>();

function realPath(file: string): string {
  let real = realCache.get(file);
  if (real === undefined) {
    try {
      real = realpathSync(file);
    } catch {
      real = file;
    }
    realCache.set(file, real);
  }
  return real;
}
