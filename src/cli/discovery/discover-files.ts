/**
 * Finds the JavaScript and TypeScript files to audit below the requested paths: honours `.gitignore`
 * files, always skips dependency and build output folders and minified bundles, and never follows a
 * symbolic link out of the audit root (or around in a cycle).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS, type Notice } from '../../engine';
import { isInside } from '../paths';
import { GitignoreChain } from './gitignore-chain';

export { SOURCE_EXTENSIONS };

/** Folder names never descended into (unless named as an audit path). */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  'out',
  '.next',
]);

/** Input of {@link discoverFiles}. */
export interface DiscoveryOptions {
  /** Absolute audit root; every target is inside it. */
  root: string;
  /** Absolute, existing files or directories to audit. */
  targets: readonly string[];
}

/** Output of {@link discoverFiles}. */
export interface DiscoveryResult {
  /** Absolute paths, sorted, without duplicates (also through symlinks). */
  files: string[];
  notices: Notice[];
}

/**
 * `true` for a file name Trustline analyzes when found during the walk: a source extension, not a
 * declaration file (`.d.ts`), not minified (`.min.js`).
 * @param name - Base name of the file.
 */
export function isAuditableFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!SOURCE_EXTENSIONS.includes(path.extname(lower))) return false;
  if (/\.d\.[mc]?ts$/.test(lower)) return false;
  return !/\.min\.[mc]?js$/.test(lower);
}

/**
 * Walks the targets and returns the files to analyze.
 * @param options - Root and targets.
 */
export function discoverFiles(options: DiscoveryOptions): DiscoveryResult {
  const walker = new Walker(options.root);
  for (const target of options.targets) walker.addTarget(target);
  return { files: walker.result(), notices: walker.notices };
}

class Walker {
  readonly notices: Notice[] = [];
  private readonly gitignore: GitignoreChain;
  private readonly rootReal: string;
  private readonly visitedDirs = new Set<string>();
  private readonly filesByRealPath = new Map<string, string>();

  constructor(private readonly root: string) {
    this.gitignore = new GitignoreChain(root);
    this.rootReal = realpathSync(root);
  }

  addTarget(target: string): void {
    const stats = statSync(target);
    if (stats.isFile()) {
      // A file named explicitly is audited even when minified or ignored; the engine decides about minified.
      if (SOURCE_EXTENSIONS.includes(path.extname(target).toLowerCase())) {
        this.addFile(target);
      } else {
        this.notices.push({
          level: 'warning',
          code: 'unsupported-file',
          message: `not a JavaScript or TypeScript file (expected one of ${SOURCE_EXTENSIONS.join(' ')}); skipped`,
          file: target,
        });
      }
      return;
    }
    if (target !== this.root && this.gitignore.isIgnored(target, true)) {
      this.notices.push({
        level: 'warning',
        code: 'path-ignored',
        message: 'this folder is excluded by .gitignore; nothing in it was audited',
        file: target,
      });
      return;
    }
    this.walk(target);
  }

  result(): string[] {
    return [...this.filesByRealPath.values()].sort();
  }

  private walk(dir: string): void {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (this.visitedDirs.has(real)) return;
    this.visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.notices.push({
        level: 'warning',
        code: 'unreadable-directory',
        message: `could not read this folder (${errorCode(error)}); skipped`,
        file: dir,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) this.visit(dir, entry);
  }

  private visit(dir: string, entry: Dirent): void {
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = this.resolveLink(full);
      if (target === undefined) return;
      isDirectory = target.isDirectory;
      isFile = !target.isDirectory;
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || this.gitignore.isIgnored(full, true)) return;
      this.walk(full);
    } else if (isFile && isAuditableFileName(entry.name) && !this.gitignore.isIgnored(full, false)) {
      this.addFile(full);
    }
  }

  /** Follows a symlink only when it stays inside the root; broken links are ignored silently. */
  private resolveLink(link: string): { isDirectory: boolean } | undefined {
    let real: string;
    let isDirectory: boolean;
    try {
      real = realpathSync(link);
      const stats = statSync(real);
      if (!stats.isDirectory() && !stats.isFile()) return undefined;
      isDirectory = stats.isDirectory();
    } catch {
      return undefined;
    }
    if (!isInside(this.rootReal, real)) {
      this.notices.push({
        level: 'info',
        code: 'symlink-outside-root',
        message: 'symbolic link points outside the audit root; not followed',
        file: link,
      });
      return undefined;
    }
    return { isDirectory };
  }

  private addFile(file: string): void {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return;
    }
    if (!this.filesByRealPath.has(real)) this.filesByRealPath.set(real, file);
  }
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
