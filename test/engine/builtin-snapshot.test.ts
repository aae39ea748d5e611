import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinPackDir, loadRulePacks } from '../../src/engine';
import { readBuiltinSnapshot, writeBuiltinSnapshot } from '../../src/engine/rules/builtin-snapshot';

describe('built-in pack snapshot', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-snap-')), 'builtin-pack.json');

  it('round-trips the validated pack: same rules, docs and definitions as loading the sources', () => {
    const written = writeBuiltinSnapshot(builtinPackDir(), out);
    const fromSources = loadRulePacks([builtinPackDir()]);
    const fromSnapshot = readBuiltinSnapshot(builtinPackDir(), out);
    assert.ok(fromSnapshot);
    assert.equal(written.rules.length, fromSources.rules.length);
    assert.deepEqual(
      fromSnapshot.rules.map((r) => [r.id, r.file, r.docs, r.definition]),
      fromSources.rules.map((r) => [r.id, r.file, r.docs, r.definition]),
    );
  });

  it('is ignored when it does not match the sources or is not a snapshot', () => {
    const data: unknown = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.ok(typeof data === 'object' && data !== null);
    fs.writeFileSync(out, JSON.stringify({ ...data, hash: 'stale' }));
    assert.equal(readBuiltinSnapshot(builtinPackDir(), out), undefined);
    fs.writeFileSync(out, '{"not":"a snapshot"}');
    assert.equal(readBuiltinSnapshot(builtinPackDir(), out), undefined);
    assert.equal(readBuiltinSnapshot(builtinPackDir(), `${out}.missing`), undefined);
  });
});
