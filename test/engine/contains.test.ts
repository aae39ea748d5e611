import { strict as assert } from 'node:assert';
import type { Pattern } from '../../src/engine';
import { matchCode, matchedLines } from './match-helper';

describe('matcher primitive: contains', () => {
  const routes = [
    "router.get('/a', requireUser, list);", // 1
    "router.get('/b', show);", // 2
    'function f() {', // 3
    "  other.post('/c', save);", // 4
    "  other.post('/d', requireUser, save);", // 5
    '}', // 6
    'class C {', // 7
    '  m() { return helper(1); }', // 8
    '  n() { return 2; }', // 9
    '}', // 10
  ].join('\n');
  const route: Pattern = { call: { method: ['get', 'post'] }, arg: { index: 1, name: '^(show|save)$' } };
  const guarded: Pattern = { kind: 'CallExpression', call: { method: ['get', 'post'] }, arg: { index: 1, name: '^requireUser$' } };

  it('within: node (default) searches below the node only', () => {
    const code = 'f(g(1));\nf(2);\nh(() => f(3));';
    assert.deepEqual(matchedLines(code, { kind: 'CallExpression', name: '^f$', contains: { kind: 'CallExpression', name: '^g$' } }), [1]);
    // The node itself does not count.
    assert.deepEqual(matchedLines(code, { kind: 'CallExpression', name: '^f$', contains: { kind: 'CallExpression', name: '^f$' } }), []);
    // Non-call patterns walk the subtree.
    assert.deepEqual(matchedLines(code, { kind: 'CallExpression', name: '^h$', contains: { kind: 'NumericLiteral', value: { equals: 3 } } }), [3]);
  });

  it('within: function / file look at the enclosing function or the whole file', () => {
    // Top level: the file is the function scope, so both the file's routes are considered.
    assert.deepEqual(matchedLines(routes, { ...route, contains: { within: 'function', ...guarded } }), [2, 4]);
    assert.deepEqual(matchedLines(routes, { ...route, contains: { within: 'file', ...guarded } }), [2, 4]);
    // The file's scope includes nested functions; f()'s scope holds only its own routes.
    assert.deepEqual(matchedLines(routes, { ...route, contains: { within: 'function', kind: 'CallExpression', name: '^post$' } }), [2, 4]);
    assert.deepEqual(matchedLines(routes, { ...route, contains: { within: 'function', kind: 'CallExpression', arg: { index: 2, name: '^list$' } } }), [2]);
  });

  it('within: class looks at the enclosing class; no class, no match', () => {
    const p: Pattern = { kind: 'ReturnStatement', contains: { within: 'class', kind: 'CallExpression', name: '^helper$' } };
    assert.deepEqual(matchedLines(routes, p), [8, 9]);
    assert.deepEqual(matchedLines(routes, { ...route, contains: { within: 'class', kind: 'CallExpression' } }), []);
  });

  it('keeps its captures inside, and may read outer captures with sameAs', () => {
    const code = "a.use(auth);\na.get('/x', h);\nb.get('/y', h);";
    const p: Pattern = {
      call: { method: ['get'], receiver: { capture: 'recv' } },
      contains: { within: 'file', kind: 'CallExpression', call: { method: ['use'], receiver: { sameAs: 'recv' } }, capture: 'inner' },
    };
    const found = matchCode(code, p);
    assert.deepEqual(
      found.map((m) => m.line),
      [2],
    );
    assert.deepEqual(Object.keys(found[0]!.captures), ['recv']);
  });
});
