/**
 * Where a pack reference points: a folder or manifest path (relative to the referring file), or an npm package
 * name looked up in `node_modules` folders from the referring folder upwards, as Node resolves packages. Only
 * the package folder is located; nothing in it is executed (package.json `main`, scripts and code are ignored).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** File extensions of code: a pack may not point at them (packs are data). */
const CODE_EXTENSIONS = /\.(c|m)?[jt]sx?$|\.node$|\.wasm$|\.(sh|bash|ps1|bat|cmd|exe|py|rb)$/i;

/** `true` for a path that names executable or source code. */
export function namesCode(file: string): boolean {
  return CODE_EXTENSIONS.test(file);
}

/** npm package names: `name`, `@scope/name`, optionally with a sub-path (`@acme/rules/strict`). */
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.-]+)*$/i;

/** The resolution of a pack reference. */
export type PackTarget = { path: string } | { error: string };

/**
 * Resolves a pack reference.
 * @param spec - As written: `./packs/acme`, `../shared/pack.yaml`, `/abs/pack`, `@acme/trustline-rules`.
 * @param fromDir - Folder of the file that refers to it.
 */
export function resolvePackReference(spec: string, fromDir: string): PackTarget {
  if (namesCode(spec)) return { error: `"${spec}" names code; packs are data only (a pack folder, a pack.yaml/pack.json manifest or a package name)` };
  const isPath = spec.startsWith('.') || path.isAbsolute(spec) || spec.startsWith('~');
  if (isPath) {
    const target = path.resolve(fromDir, spec);
    return fs.existsSync(target) ? { path: target } : { error: `pack "${spec}" not found (looked for ${target})` };
  }
  if (!PACKAGE_NAME.test(spec)) return { error: `"${spec}" is neither a relative path (start it with ./) nor an npm package name` };
  const looked: string[] = [];
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', spec);
      looked.push(path.join(dir, 'node_modules'));
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return { path: candidate };
    }
    if (path.dirname(dir) === dir) break;
  }
  const where = looked.length > 3 ? `${looked.slice(0, 3).join(', ')}, ...` : looked.join(', ');
  return { error: `package "${spec}" not found in node_modules (looked in ${where}); install it (npm install -D ${spec}) or use a relative path` };
}
