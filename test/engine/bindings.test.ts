import { strict as assert } from 'node:assert';
import { FileContext } from '../../src/engine/context/file-context';
import { indexFile } from '../../src/engine/context/file-index';
import { parseSource } from '../../src/engine/parse';
import { ts } from '../../src/engine/ts';

function calleeIdentities(code: string, file = '/app/x.ts'): string[] {
  const sf = parseSource(file, code);
  const index = indexFile(sf, new Set([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression]));
  const ctx = new FileContext(file, sf, index, '/app');
  const calls = [...(index.byKind.get(ts.SyntaxKind.CallExpression) ?? []), ...(index.byKind.get(ts.SyntaxKind.NewExpression) ?? [])] as Array<ts.CallExpression | ts.NewExpression>;
  return calls
    .sort((a, b) => a.pos - b.pos)
    .map((c) => ctx.bindings.identityOf(c.expression) ?? '?')
    .filter((id) => id !== '?');
}

describe('import-binding resolution', () => {
  it('resolves default, namespace, named and aliased imports', () => {
    const ids = calleeIdentities(`
      import jwt from 'jsonwebtoken';
      import * as jose from 'jose';
      import { verify as v, sign } from 'jsonwebtoken';
      jwt.decode(t); jose.decodeJwt(t); v(t, k); sign(p, k);`);
    assert.deepEqual(ids, ['jsonwebtoken#decode', 'jose#decodeJwt', 'jsonwebtoken#verify', 'jsonwebtoken#sign']);
  });

  it('resolves require: whole, destructured, renamed, property and import = require', () => {
    const ids = calleeIdentities(`
      const jwt = require('jsonwebtoken');
      const { decode, verify: check } = require('jsonwebtoken');
      const sign = require('jsonwebtoken').sign;
      import crypto = require('node:crypto');
      jwt.decode(t); decode(t); check(t); sign(p); crypto.createHash('md5');`);
    assert.deepEqual(ids, ['jsonwebtoken#decode', 'jsonwebtoken#decode', 'jsonwebtoken#verify', 'jsonwebtoken#sign', 'crypto#createHash']);
  });

  it('resolves dynamic import, local aliases and promisify wrappers', () => {
    const ids = calleeIdentities(`
      import { promisify } from 'node:util';
      import crypto from 'crypto';
      const pbkdf2 = promisify(crypto.pbkdf2);
      async function f() {
        const { SignJWT } = await import('jose');
        const lib = await import('jsonwebtoken');
        const d = lib.decode;
        new SignJWT({}); d(t); await pbkdf2(p, s, 1000, 32, 'sha1');
      }`);
    assert.deepEqual(
      ids.filter((i) => !i.startsWith('util')),
      ['jose#SignJWT', 'jsonwebtoken#decode', 'crypto#pbkdf2'],
    );
  });

  it('is silent on an unrelated function with the same name', () => {
    const ids = calleeIdentities(`
      function decode(s: string) { return s; }
      const verify = (x: string) => x;
      decode('a'); verify('b');`);
    assert.deepEqual(ids, []);
  });

  it('treats node:crypto and crypto as one module, and globals through window/globalThis', () => {
    const ids = calleeIdentities(`
      import { createHash } from 'node:crypto';
      createHash('sha1'); window.localStorage.setItem('a', b); globalThis.sessionStorage.setItem('a', b); localStorage.setItem('k', v);`);
    assert.deepEqual(ids, ['crypto#createHash', 'global#localStorage.setItem', 'global#sessionStorage.setItem', 'global#localStorage.setItem']);
  });

  it('does not treat a shadowed global as the global', () => {
    const ids = calleeIdentities(`
      function save(localStorage: Map<string, string>) { localStorage.set('a', 'b'); }
      `);
    assert.deepEqual(ids, []);
  });
});
