/**
 * Path helpers shared by discovery and reporters: every path a report shows is relative to the audit
 * root and uses `/` separators, whatever the platform.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `file` relative to `root` with `/` separators (`../` segments when `file` is outside `root`).
 * @param root - Absolute audit root.
 * @param file - Absolute path.
 */
export function toRelativePath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.split(path.sep).join('/');
}

/**
 * `true` when `file` is `root` itself or below it.
 * @param root - Absolute directory.
 * @param file - Absolute path.
 */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A relative URI reference for a `/`-separated relative path, each segment percent-encoded.
 * @param relativePath - Output of {@link toRelativePath} for a file inside the root.
 */
export function toRelativeUri(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

/**
 * `file://` URI of a directory, always ending with `/` (as SARIF `originalUriBaseIds` requires).
 * @param dir - Absolute directory path.
 */
export function toDirectoryFileUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * `file://` URI of a file.
 * @param file - Absolute file path.
 */
export function toFileUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * How a report shows a path: relative to `root` when inside it, otherwise absolute (e.g. a rule pack
 * elsewhere on disk), always with `/` separators.
 * @param root - Absolute audit root.
 * @param file - Absolute path.
 */
export function toDisplayPath(root: string, file: string): string {
  return isInside(root, file) ? toRelativePath(root, file) : file.split(path.sep).join('/');
}

/**
 * Deepest directory containing every given absolute directory.
 * @param dirs - Absolute directories (at least one).
 */
export function commonAncestor(dirs: readonly string[]): string {
  let common = dirs[0];
  for (const dir of dirs.slice(1)) {
    while (!isInside(common, dir)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}
