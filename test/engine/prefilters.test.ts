import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Analyzer, loadRulePacks } from '../../src/engine';
import { requiredModules } from '../../src/engine/match/required-modules';
import { loadBuiltinRules } from '../../src/engine';
import * as fs from 'node:fs';
import { regexFactors } from '../../src/engine/regex-factors';
import { compileTextFilter, lineLocalParts } from '../../src/engine/text-filter';
import { WordScanner } from '../../src/engine/word-scan';

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
    assert.deepEqual(lineLocalParts('[^a-z\\n]pass'), ['[^a-z\\n]pass'], 'unless it excludes the line break');
    assert.equal(lineLocalParts('key[\\s\\S]'), undefined);
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

  it('literal factors: strings every match contains, lower-cased; none when a part is optional or unknown', () => {
    assert.deepEqual(regexFactors('(AKIA|ASIA)[A-Z0-9]{16}'), ['akia', 'asia']);
    assert.deepEqual(regexFactors('(^|\\n)(status|sendStatus)(\\n|$)'), ['status', 'sendstatus']);
    assert.deepEqual(regexFactors('sk-ant-(api|admin)'), ['sk-ant-']);
    assert.deepEqual(regexFactors('hooks\\.slack\\.com/'), ['hooks.slack.com/']);
    assert.deepEqual(regexFactors('api_?key'), ['api'], 'the optional part ends the literal run');
    assert.deepEqual(regexFactors('(ab)+c'), ['ab'], 'a repetition keeps its factors but is not exact');
    assert.equal(regexFactors('a?b?'), undefined);
    assert.equal(regexFactors('[a-z]+\\d'), undefined);
    assert.equal(regexFactors('x|[0-9]'), undefined, 'an alternative without factors voids the set');
    assert.equal(regexFactors('(?<name>x)'), undefined, 'unknown syntax gives up');
    assert.deepEqual(regexFactors('^(?=[\\s\\S]*?jwt)(?=[\\s\\S]*?(^|\\n)decode(\\n|$))'), ['decode']);
  });

  it('factor prechecks never reject a text a built-in filter passes, and the one-pass scan finds what includes() finds', () => {
    const texts: string[] = [];
    const root = path.resolve(__dirname, '..', '..', 'rules', 'builtin');
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name)) texts.push(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    }
    assert.ok(texts.length > 200);
    const filters = new Map<string, ReturnType<typeof compileTextFilter>>();
    for (const rule of loadBuiltinRules().rules) {
      const spec = rule.definition.requires?.text;
      if (spec !== undefined) filters.set(compileTextFilter(spec).key, compileTextFilter(spec));
    }
    const words = [...new Set([...filters.values()].flatMap((f) => (f.factors ?? []).flat()))];
    const scanner = new WordScanner(words);
    let passing = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      const found = scanner.scan(lower);
      words.forEach((w, i) => assert.equal(found[i] === 1, lower.includes(w), `scan of ${JSON.stringify(w)}`));
      for (const f of filters.values()) {
        if (!f.test(text, () => lower)) continue;
        passing++;
        for (const set of f.factors ?? []) assert.ok(set.some((w) => lower.includes(w)), `${f.key} passes but none of ${set.join(', ')} is in the text`);
        if (f.decidedByFactors) assert.ok(f.factors!.every((set) => set.some((w) => lower.includes(w))));
      }
    }
    assert.ok(passing > 1000);
  });

  it('part bits from factors give what running every part gives (the editor computes them per statement)', () => {
    const analyzer = new Analyzer({ rules: loadBuiltinRules().rules });
    const filters = analyzer.textFilters;
    const root = path.resolve(__dirname, '..', '..', 'rules', 'builtin');
    let checked = 0;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name)) continue;
      // Lines of the fixture stand in for a statement's identifiers and literals, one per line.
      const corpus = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      const lower = corpus.toLowerCase();
      const bits = analyzer.filterPartBits(corpus);
      filters.forEach((f, slot) => {
        let expected = 0;
        (f.parts ?? []).forEach((part, i) => {
          if (part(corpus, () => lower)) expected |= 1 << i;
        });
        assert.equal(bits[slot], expected, `${f.key} on ${entry.name}`);
        checked++;
      });
    }
    assert.ok(checked > 10_000);
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

  it('a rule whose path globs the file does not match is skipped (requires.path)', () => {
    const dir = path.resolve(__dirname, '..', '..', 'rules', 'builtin');
    const rules = loadRulePacks([dir]).rules.filter((r) => r.id === 'authz/admin-area-handler-without-role-check');
    assert.equal(rules.length, 1);
    const a = new Analyzer({ rules, root: '/app' });
    const code = [
      "import { auth } from '@/auth';",
      'export async function GET() {',
      '  const session = await auth();',
      "  if (!session) return new Response('Unauthorized', { status: 401 });",
      '  return Response.json(await db.user.findMany());',
      '}',
      '',
    ].join('\n');
    assert.equal(a.analyzeText('/app/app/api/admin/users/route.ts', code).findings.length, 1);
    assert.equal(a.analyzeText('/app/app/api/users/route.ts', code).findings.length, 0);
    // The activeRules list itself leaves the rule out for other paths.
    assert.equal(a.activeRules(new Set(), () => true, '/app/app/api/users/route.ts').length, 0);
    assert.equal(a.activeRules(new Set(), () => true, '/app/app/api/admin/users/route.ts').length, 1);
  });
});
