/**
 * `.gitignore` handling with git's precedence: a `.gitignore` applies to its own directory's subtree,
 * deeper files win over shallower ones, and within one file the last matching pattern wins.
 * Files are read from the repository top (the nearest ancestor holding `.git`) or, outside a
 * repository, from the audit root downwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside } from '../paths';

interface Matcher {
  dir: string;
  ig: Ignore;
}

/** Answers "is this path gitignored?" for paths below a top directory, caching one matcher per folder. */
export class GitignoreChain {
  private readonly chains = new Map<string, readonly Matcher[]>();
  private readonly ignoreCase = process.platform === 'win32' || process.platform === 'darwin';
  /** Directory whose `.gitignore` is the outermost one consulted. */
  readonly top: string;

  /**
   * @param root - Absolute audit root; `.gitignore` files above it count up to the repository top.
   */
  constructor(root: string) {
    this.top = findRepositoryTop(root) ?? root;
  }

  /**
   * Whether git would ignore `absPath`.
   * @param absPath - Absolute path below {@link GitignoreChain.top}.
   * @param isDirectory - Directory patterns (`build/`) only match directories.
   */
  isIgnored(absPath: string, isDirectory: boolean): boolean {
    const matchers = this.chainFor(path.dirname(absPath));
    for (let i = matchers.length - 1; i >= 0; i--) {
      const { dir, ig } = matchers[i];
      const relative = path.relative(dir, absPath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../')) continue;
      const result = ig.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }

  private chainFor(dir: string): readonly Matcher[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const parent = path.dirname(dir);
    const inherited = dir === this.top || parent === dir || !isInside(this.top, dir) ? [] : this.chainFor(parent);
    const own = this.load(dir);
    const chain = own ? [...inherited, own] : inherited;
    this.chains.set(dir, chain);
    return chain;
  }

  private load(dir: string): Matcher | undefined {
    const file = path.join(dir, '.gitignore');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return { dir, ig: ignore({ ignorecase: this.ignoreCase }).add(text) };
  }
}

/**
 * Nearest directory at or above `start` that contains `.git` (a folder, or a file for worktrees).
 * @param start - Absolute directory.
 */
export function findRepositoryTop(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
