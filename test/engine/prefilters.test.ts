import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Analyzer, loadRulePacks } from '../../src/engine';
import { requiredModules } from '../../src/engine/match/required-modules';
import { loadBuiltinRules } from '../../src/engine';
import { compileTextFilter, lineLocalParts } from '../../src/engine/text-filter';

describe('rule prefilters', () => {
  it('text filters: word alternations and regular expressions, case-insensitive by default', () => {
    const lower = (t: string) => () => t.toLowerCase();
    const words = compileTextFilter('session|jsonwebtoken');
    assert.equal(words.test('app.use(Session())', lower('app.use(Session())')), true);
    assert.equal(words.test('nothing here', lower('nothing here')), false);
    const cs = compileTextFilter({ regex: 'AKIA[A-Z0-9]{16}', caseSensitive: true });
    assert.equal(cs.test('AKIAQ7ZK4M2XRT9WBN3P', lower('')), true);
    assert.equal(cs.test('akiaq7zk4m2xrt9wbn3p', lower('')), false);
    assert.equal(compileTextFilter('session').key, compileTextFilter('session').key);
  });

  it('line-local parts: a filter decided line by line splits into parts; one that can look across lines does not', () => {
    assert.deepEqual(lineLocalParts('secret|pass(word)?'), ['secret|pass(word)?']);
    assert.deepEqual(lineLocalParts('^(?=[\\s\\S]*?(^|\\n)action(\\n|$))(?=[\\s\\S]*(admin|role))'), ['(^|\\n)action(\\n|$)', '(admin|role)']);
    assert.deepEqual(lineLocalParts('((^|\\n)(now|v1)(\\n|$)|uuid)'), ['((^|\\n)(now|v1)(\\n|$)|uuid)']);
    assert.deepEqual(lineLocalParts('a\\.b[^.]'), undefined, 'a negated class matches a line break');
    assert.equal(lineLocalParts('insert\\s+into'), undefined);
    assert.equal(lineLocalParts('\\Wkey'), undefined);
    assert.equal(lineLocalParts('^token'), undefined, 'an anchor means the start of the whole text');
    assert.equal(lineLocalParts('a(\\n|$)b'), undefined, 'a line idiom inside an alternative ties two lines');
    assert.equal(lineLocalParts('(?!x)token'), undefined);
    assert.deepEqual(lineLocalParts('\\^|\\$'), ['\\^|\\$'], 'escaped anchors are plain characters');
    const f = compileTextFilter('^(?=[\\s\\S]*?(^|\\n)get(\\n|$))(?=[\\s\\S]*?admin)');
    assert.equal(f.parts?.length, 2);
    // Every part passing on some line is what the whole expression says about the joined lines.
    const lines = ['get', 'isAdmin'];
    const none = () => '';
    assert.equal(f.test(lines.join('\n'), none), true);
    assert.equal(f.parts!.every((p) => lines.some((l) => p(l, () => l.toLowerCase()))), true);
    assert.equal(f.test('getter\nisAdmin', none), false);
    assert.equal(f.parts![0]!('getter', none), false);
  });

  it('every built-in prefilter splits into line-local parts (the editor combines them per statement)', () => {
    const seen = new Set<string>();
    for (const rule of loadBuiltinRules().rules) {
      const spec = rule.definition.requires?.text;
      if (spec === undefined) continue;
      const filter = compileTextFilter(spec);
      if (seen.has(filter.key)) continue;
      seen.add(filter.key);
      assert.ok(filter.parts, `${rule.id}: requires.text ${filter.key.slice(2)} can match across lines (\\s, [\\s\\S], [^...], an anchor inside a pattern); the editor would re-test it on the whole file every keystroke`);
    }
  });

  it('required modules: from call identities, through all/any, never for globals or methods', () => {
    assert.deepEqual([...(requiredModules({ call: { callee: ['jsonwebtoken#decode', 'node:crypto#createHash'] } }) ?? [])], ['jsonwebtoken', 'crypto']);
    assert.equal(requiredModules({ call: { callee: 'global#localStorage.setItem' } }), undefined);
    assert.equal(requiredModules({ call: { callee: 'jose#SignJWT', method: 'sign' } }), undefined);
    assert.deepEqual([...(requiredModules({ kind: 'Identifier', all: [{ call: { callee: 'jose#decodeJwt' } }] }) ?? [])], ['jose']);
    assert.deepEqual(
      [...(requiredModules({ any: [{ call: { callee: 'jose#decodeJwt' } }, { call: { callee: 'jsonwebtoken#decode' } }] }) ?? [])].sort(),
      ['jose', 'jsonwebtoken'],
    );
    assert.equal(requiredModules({ any: [{ call: { callee: 'jose#decodeJwt' } }, { kind: 'StringLiteral' }] }), undefined);
  });

  it('a rule whose text filter fails is skipped; one whose filter matches an identifier or literal runs', () => {
    const dir = path.resolve(__dirname, '..', '..', 'rules', 'builtin');
    const rules = loadRulePacks([dir]).rules.filter((r) => r.id === 'storage/token-in-web-storage');
    assert.equal(rules.length, 1);
    const a = new Analyzer({ rules, root: '/app' });
    const hit = a.analyzeText('/app/src/auth.ts', "localStorage.setItem('accessToken', token);\n");
    assert.equal(hit.findings.length, 1);
    // The word only in a comment: filters read identifiers and literals, so the rule does not even run.
    const miss = a.analyzeText('/app/src/other.ts', "// localStorage\nconst store = new Map(); store.set('accessToken', token);\n");
    assert.equal(miss.findings.length, 0);
  });
});
