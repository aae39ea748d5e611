/**
 * Content hash of a pack: sha256 over every file of the pack folder (nested `node_modules` and `.git` excluded),
 * in sorted path order, each as `<relative path>\0<bytes>\0`. Two packs with the same hash ran the same rules.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set(['node_modules', '.git']);

function listPackFiles(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) listPackFiles(abs, out);
    else if (entry.isFile()) out.push(abs);
  }
}

/**
 * `sha256:<hex>` of a pack folder's files.
 * @param dir - The pack folder.
 */
export function packContentHash(dir: string): string {
  const files: string[] = [];
  listPackFiles(dir, files);
  const rel = files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const file of rel) {
    hash.update(file);
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(dir, file)));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}
