import { strict as assert } from 'node:assert';
import { matchedLines } from './match-helper';

describe('declaration: nearest enclosing scope', () => {
  it('picks the declaration in the scope around the identifier when a name is declared twice', () => {
    const code = [
      "import { decodeJwt } from 'jose';",
      'function a(t) {',
      '  const claims = decodeJwt(t);',
      '  return claims.role;',
      '}',
      'function b(t) {',
      '  const claims = JSON.parse(t);',
      '  return claims.role;',
      '}',
      'let token;',
      'function c() { let token = 1; return token; }',
      'function d() { return token; }',
    ].join('\n');
    const fromDecode = { kind: 'Identifier', name: '^claims$', declaration: { init: { call: { callee: 'jose#decodeJwt' } } } };
    assert.deepEqual(matchedLines(code, { kind: 'PropertyAccessExpression', field: { expression: fromDecode } }), [4]);
    const moduleLet = { kind: 'ReturnStatement', field: { expression: { kind: 'Identifier', declaration: { moduleLevel: true, keyword: 'let' as const } } } };
    assert.deepEqual(matchedLines(code, moduleLet), [12]);
  });
});
