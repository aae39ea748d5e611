import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinRules } from '../../src/engine';
import { CallIndex } from '../../src/engine/context/call-index';
import { FileContext } from '../../src/engine/context/file-context';
import { indexFile } from '../../src/engine/context/file-index';
import { compilePattern } from '../../src/engine/match/compile-pattern';
import { Captures } from '../../src/engine/match/compiled';
import { parseSource } from '../../src/engine/parse';
import { compiledPatternOf } from '../../src/engine/rules/load-rules';
import { ts } from '../../src/engine/ts';

const CALL_KINDS = new Set([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression]);

function contextOf(code: string, file = '/work/app/src/a.ts', root = '/work/app'): { ctx: FileContext; calls: ts.Node[] } {
  const sf = parseSource(file, code);
  const index = indexFile(sf, CALL_KINDS);
  const calls = [...(index.byKind.get(ts.SyntaxKind.CallExpression) ?? []), ...(index.byKind.get(ts.SyntaxKind.NewExpression) ?? [])];
  return { ctx: new FileContext(file, sf, index, root), calls };
}

describe('callee keys (calls a rule is tested on)', () => {
  it('are read from call specs through all/any, and dropped when an alternative can match calls without them', () => {
    assert.deepEqual([...compilePattern({ call: { method: ['setItem'] } }).callees!.names], ['setItem']);
    const union = compilePattern({ any: [{ call: { callee: 'jsonwebtoken#sign' } }, { call: { method: 'sign', receiver: { name: 'jwt' } } }] }).callees!;
    assert.deepEqual([...union.names], ['sign']);
    assert.deepEqual(union.identities, ['jsonwebtoken#sign']);
    assert.deepEqual([...compilePattern({ all: [{ kind: ['CallExpression'] }, { call: { method: 'x' } }] }).callees!.names], ['x']);
    assert.equal(compilePattern({ any: [{ call: { method: 'a' } }, { kind: ['CallExpression'] }] }).callees, undefined);
    // An alternative that cannot match a call puts no condition on calls.
    assert.deepEqual([...compilePattern({ any: [{ call: { method: 'a' } }, { kind: ['BinaryExpression'] }] }).callees!.names], ['a']);
    assert.equal(compilePattern({ kind: ['CallExpression'] }).callees, undefined);
  });

  it('find calls by method name and by resolved identity (aliases included), outer calls first', () => {
    const { ctx, calls } = contextOf(
      ["import { sign as s } from 'jsonwebtoken';", 'const jwt = require("jsonwebtoken");', 's(p, k);', "store['setItem']('t', v);", 'jwt.sign(p, k).then(a).setItem(1);', 'other(1);'].join('\n'),
    );
    const index = new CallIndex(calls, ctx.bindings);
    const text = (nodes: readonly ts.Node[]): string[] => nodes.map((n) => n.getText(ctx.sourceFile));
    assert.deepEqual(text(index.candidates({ names: new Set(), identities: ['jsonwebtoken#sign'], nameTests: [] })), ['s(p, k)', 'jwt.sign(p, k)']);
    assert.deepEqual(text(index.candidates({ names: new Set(['setItem']), identities: ['jsonwebtoken#*'], nameTests: [] })), [
      's(p, k)',
      'store[\'setItem\'](\'t\', v)',
      'jwt.sign(p, k).then(a).setItem(1)',
      'jwt.sign(p, k)',
    ]);
    assert.deepEqual(text(index.candidates({ names: new Set(['nothing']), identities: [], nameTests: [] })), []);
  });

  it('keep every call a built-in rule matches in its own fixtures (the keys are a necessary condition)', () => {
    const { rules } = loadBuiltinRules();
    let checked = 0;
    for (const rule of rules) {
      const compiled = compiledPatternOf(rule);
      if (!compiled.callees) continue;
      const dir = path.join(path.dirname(rule.file), 'fixtures');
      if (!fs.existsSync(dir)) continue;
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const { ctx, calls } = contextOf(fs.readFileSync(file, 'utf8'), file, dir);
        const candidates = new Set(new CallIndex(calls, ctx.bindings).candidates(compiled.callees));
        for (const call of calls) {
          if (!compiled.test(call, { ctx, captures: new Captures() })) continue;
          checked++;
          assert.ok(candidates.has(call), `${rule.id}: ${path.relative(process.cwd(), file)}: ${call.getText(ctx.sourceFile).slice(0, 80)} matches but is not a candidate`);
        }
      }
    }
    assert.ok(checked > 200, `only ${checked} matching calls checked`);
  });
});
