import { strict as assert } from 'node:assert';
import { Constants } from '../../src/engine/context/constants';
import { indexFile } from '../../src/engine/context/file-index';
import { parseSource } from '../../src/engine/parse';
import { ts } from '../../src/engine/ts';

/** Resolves the initializer of `const probe = ...` at the end of the code. */
function resolveProbe(code: string) {
  const sf = parseSource('/app/x.ts', code);
  const index = indexFile(sf, new Set());
  const constants = new Constants(index);
  const decl = index.variables.find((v) => ts.isIdentifier(v.name) && v.name.text === 'probe');
  if (!decl?.initializer) throw new Error('no probe');
  return constants.resolve(decl.initializer);
}

describe('in-file constant resolution', () => {
  it('follows consts, templates without expressions and concatenation', () => {
    const v = resolveProbe("const A = 'ab'; const B = `cd`; const C = A + B + 'e'; const probe = C;");
    assert.equal(v?.kind === 'string' && v.value, 'abcde');
  });

  it('fills template expressions from constants', () => {
    const v = resolveProbe("const HOST = 'db'; const PORT = 5432; const probe = `pg://${HOST}:${PORT}`;");
    assert.equal(v?.kind === 'string' && v.value, 'pg://db:5432');
  });

  it('reads properties of const objects, nested', () => {
    const v = resolveProbe("const config = { jwt: { secret: 's3cr3t' } } as const; const probe = config.jwt.secret;");
    assert.equal(v?.kind === 'string' && v.value, 's3cr3t');
  });

  it('sees process.env fallbacks with || and ?? and records the variable', () => {
    const a = resolveProbe("const probe = process.env.JWT_SECRET || 'dev-secret';");
    assert.ok(a?.kind === 'string' && a.value === 'dev-secret' && a.envFallback === 'JWT_SECRET');
    const b = resolveProbe("const probe = process.env['API_KEY'] ?? 'k';");
    assert.ok(b?.kind === 'string' && b.envFallback === 'API_KEY');
  });

  it('computes arithmetic (cookie lifetimes)', () => {
    const v = resolveProbe('const HOUR = 60 * 60 * 1000; const probe = 8 * HOUR;');
    assert.equal(v?.kind === 'number' && v.value, 8 * 3600 * 1000);
  });

  it('does not resolve let, parameters, or names declared twice', () => {
    assert.equal(resolveProbe("let s = 'x'; const probe = s;"), undefined);
    assert.equal(resolveProbe("const s = 'x'; function f() { const s = 'y'; } const probe = s;"), undefined);
    assert.equal(resolveProbe('const probe = process.env.SECRET;'), undefined);
  });

  it('resolves arrays element by element', () => {
    const v = resolveProbe("const K = 'k1'; const probe = [K, 'k2', x];");
    assert.ok(v?.kind === 'array');
    assert.deepEqual(
      v.elements.map((e) => (e?.kind === 'string' ? e.value : undefined)),
      ['k1', 'k2', undefined],
    );
  });
});
