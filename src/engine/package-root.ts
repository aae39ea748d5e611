import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder of Trustline's own package.json. Works from the sources (tests), from the bundles in `dist/`
 * and from an installed package, so built-in rules and snippets are found in every layout.
 */
export function packageRoot(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'rules', 'schema'))) return (cached = dir);
    if (path.dirname(dir) === dir) throw new Error(`Trustline: cannot find the package root above ${__dirname}`);
  }
}
