import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Analyzer, loadRulePacks } from '../../src/engine';
import { requiredModules } from '../../src/engine/match/required-modules';
import { compileTextFilter } from '../../src/engine/text-filter';

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
