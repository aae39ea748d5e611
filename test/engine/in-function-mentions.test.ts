import { strict as assert } from 'node:assert';
import { matchedLines } from './match-helper';

describe('inFunction.mentions', () => {
  it('sees names anywhere in the enclosing function, nested callbacks and late statements included', () => {
    const code = [
      'router.get("/cb", async (req, res) => {',
      '  const { code } = req.query;',
      '  await exchange(code);',
      '  req.session.regenerate(() => { if (req.query.state !== req.session.oauthState) throw new Error("x"); });',
      '});',
      'router.get("/cb2", async (req, res) => {',
      '  const { code } = req.query;',
      '  await exchange(code);',
      '});',
      'function f() { const code = "x-state"; }',
    ].join('\n');
    const pattern = { kind: ['BindingElement', 'VariableDeclaration'], name: '^code$' };
    assert.deepEqual(matchedLines(code, { ...pattern, inFunction: { mentions: '^state$' } }), [2]);
    assert.deepEqual(matchedLines(code, { ...pattern, not: { inFunction: { mentions: 'state' } } }), [7]);
    assert.deepEqual(matchedLines(code, { ...pattern, inFunction: { mentions: '^x-state$' } }), [10]);
  });

  it('uses the whole file at top level', () => {
    const code = ['const token = read();', 'export function later() { return "expiresAt"; }'].join('\n');
    assert.deepEqual(matchedLines(code, { kind: 'VariableDeclaration', inFunction: { mentions: '^expiresAt$' } }), [1]);
  });
});
