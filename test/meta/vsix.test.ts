/**
 * The .vsix `npm run package` builds (@vscode/vsce, .vscodeignore allow-list): what is inside, what is not,
 * and how big it is. Builds the package in `before` (~15 s), so CI exercises `npm run package` too.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const VSIX = path.join(ROOT, 'out', 'trustline.vsix');
/** Compressed size budget. Measured 2.5 MB (the engine bundle with TypeScript is ~14 MB uncompressed). */
const MAX_BYTES = 6 * 1024 * 1024;
const MAX_FILES = 400;

interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

/** Entries of a zip file, read from its central directory (no zip64: a .vsix this size never needs it). */
export function zipEntries(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file: no end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, `central directory entry ${n}`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), compressed, size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('.vsix package (npm run package)', function () {
  this.timeout(180_000);
  let names: Set<string>;
  let entries: ZipEntry[];

  before(() => {
    fs.rmSync(VSIX, { force: true });
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
    entries = zipEntries(fs.readFileSync(VSIX));
    names = new Set(entries.map((e) => e.name));
  });

  it('holds the bundles, the manifest, README, LICENSE and the icon', () => {
    for (const f of ['extension.vsixmanifest', 'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/engine.js', 'extension/dist/audit-worker.js', 'extension/dist/builtin-pack.json', 'extension/media/icon.png', 'extension/media/activitybar.svg']) {
      assert.ok(names.has(f), `missing ${f}`);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(names.has(`extension/${manifest.icon}`), 'the icon package.json names');
    for (const c of manifest.contributes.viewsContainers.activitybar) assert.ok(names.has(`extension/${c.icon}`), `view container icon ${c.icon}`);
  });

  it('holds every rule definition, its docs, the pack manifest, the schemas and the snippets (needed at run time)', () => {
    const wanted: string[] = ['rules/builtin/pack.yaml'];
    for (const dir of ['rules/schema', 'snippets']) {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
        if (e.isFile()) wanted.push(path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
      }
    }
    for (const e of fs.readdirSync(path.join(ROOT, 'rules/builtin'), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && /^(rule\.(ya?ml|json)|docs\.md)$/.test(e.name)) wanted.push(path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
    assert.ok(wanted.length > 50);
    const missing = wanted.filter((f) => !names.has(`extension/${f}`));
    assert.deepEqual(missing, []);
  });

  it('leaves out tests, fixtures, tools, sources, node_modules and build leftovers', () => {
    const forbidden = [...names].filter((n) =>
      /(^|\/)(fixtures|node_modules|tools|test|out|src|scripts|\.ci|\.git)\//.test(n.replace(/^extension\//, '')) || /\.(ts|map|vsix)$/.test(n) || /(^|\/)\.(vscodeignore|gitignore|mocharc\.json)$/.test(n),
    );
    assert.deepEqual(forbidden, []);
  });

  it(`stays under ${MAX_BYTES / 1024 / 1024} MB compressed and ${MAX_FILES} files`, () => {
    const bytes = fs.statSync(VSIX).size;
    assert.ok(bytes < MAX_BYTES, `${(bytes / 1024 / 1024).toFixed(2)} MB`);
    assert.ok(entries.length < MAX_FILES, `${entries.length} files`);
  });
});
