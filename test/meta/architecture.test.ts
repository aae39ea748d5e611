import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.[cm]?tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('architecture', () => {
  it('nothing outside src/vscode imports vscode (the engine and CLI run in plain Node)', () => {
    const offenders = sourceFiles(path.join(ROOT, 'src'))
      .filter((f) => !path.relative(path.join(ROOT, 'src'), f).startsWith(`vscode${path.sep}`))
      .filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('the engine uses the TypeScript bundled with ts-morph, not a separate typescript import', () => {
    const offenders = sourceFiles(path.join(ROOT, 'src', 'engine')).filter((f) => /from\s+['"]typescript['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('rule fixtures stay out of the type-checked build', () => {
    const tsconfig: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
    const exclude = typeof tsconfig === 'object' && tsconfig !== null ? Reflect.get(tsconfig, 'exclude') : undefined;
    assert.ok(Array.isArray(exclude) && exclude.includes('rules/**') && exclude.includes('test/fixtures/**'));
  });
});
