/**
 * Temporary workspaces on disk for CLI tests: real folders under the OS temp dir, removed after use.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder with helpers to add files. */
export interface Workspace {
  /** Absolute (real) path of the workspace folder. */
  dir: string;
  /** Writes `content` to `relative` (creating folders) and returns the absolute path. */
  write(relative: string, content: string): string;
  /** Absolute path of a workspace-relative path. */
  path(relative: string): string;
  /** Deletes the workspace. */
  remove(): void;
}

/**
 * Creates a workspace, optionally with files.
 * @param files - Map of relative path to content.
 */
export function createWorkspace(files: Record<string, string> = {}): Workspace {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'trustline-cli-')));
  const workspace: Workspace = {
    dir,
    write(relative, content) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    path: (relative) => path.join(dir, relative),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(files)) workspace.write(relative, content);
  return workspace;
}
