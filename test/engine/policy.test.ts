import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer, loadBuiltinRules, PolicyAnalyzers, PolicyResolver, type Finding } from '../../src/engine';
import { durationSeconds, formatDuration, parseDurationString, policyDurationSeconds } from '../../src/engine/policy/duration';
import { regexHazard } from '../../src/engine/match/regex-safety';
import { compileRegex, MAX_REGEX_INPUT } from '../../src/engine/match/name-spec';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'policy');
const { rules } = loadBuiltinRules();

function tempDir(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-policy-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function ids(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => !f.suppression).map((f) => f.ruleId))].sort();
}

describe('policy: durations', () => {
  it('reads policy durations as seconds (numbers are seconds)', () => {
    assert.equal(policyDurationSeconds('15m'), 900);
    assert.equal(policyDurationSeconds('7d'), 604_800);
    assert.equal(policyDurationSeconds('12 hours'), 43_200);
    assert.equal(policyDurationSeconds('2w'), 1_209_600);
    assert.equal(policyDurationSeconds(3600), 3600);
    assert.equal(policyDurationSeconds('1.5h'), 5400);
    assert.equal(policyDurationSeconds('soon'), undefined);
    assert.equal(policyDurationSeconds(0), undefined);
  });

  it('reads code values in the unit of their library', () => {
    // jsonwebtoken expiresIn: numbers are seconds, strings vercel/ms spans, digits alone milliseconds.
    assert.equal(durationSeconds(3600, 'seconds'), 3600);
    assert.equal(durationSeconds('1h', 'seconds'), 3600);
    assert.equal(durationSeconds('60000', 'seconds'), 60);
    assert.equal(durationSeconds('2 days', 'seconds'), 172_800);
    // cookie maxAge: milliseconds.
    assert.equal(durationSeconds(86_400_000, 'milliseconds'), 86_400);
    // jose time spans.
    assert.equal(parseDurationString('+2h'), 7200);
    assert.equal(parseDurationString('2 hours from now'), 7200);
    assert.equal(parseDurationString('1h ago'), -3600);
    assert.equal(parseDurationString('30 fortnights'), undefined);
  });

  it('formats durations for messages', () => {
    assert.equal(formatDuration(900), '15 minutes');
    assert.equal(formatDuration(604_800), '1 week');
    assert.equal(formatDuration(43_200), '12 hours');
    assert.equal(formatDuration(5400), '90 minutes');
    assert.equal(formatDuration(5430), '1.5 hours');
  });
});

describe('policy: regex safety', () => {
  it('flags exponential patterns', () => {
    for (const p of ['(a+)+$', '^(a|a)*$', '(\\w+\\s?)*$', '^(\\d+)*$', '(.*a){12}', '(\\w|\\d)+', '(?:a*)*']) assert.ok(regexHazard(p, true), p);
  });

  it('accepts delimited repetitions, optional groups and long linear patterns', () => {
    for (const p of ['^[a-z]+(-[a-z]+)+$', '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$', '(\\.\\w+)?$', '([a-z]+-)+x', 'jwt|jsonwebtoken|jose', '(a?)+']) assert.equal(regexHazard(p, false), undefined, p);
  });

  it('every regular expression of the built-in pack passes the check (they are compiled through it)', () => {
    assert.ok(rules.length > 0);
  });

  it('bounds the input a rule regex is tested on', () => {
    const re = compileRegex('x$', '', '/t');
    assert.equal(re.test(`${'a'.repeat(MAX_REGEX_INPUT)}x`), false);
    assert.equal(re.test('ax'), true);
  });
});

describe('policy: loading, merging and effects', () => {
  const root = path.join(FIXTURES, 'monorepo');
  const resolver = new PolicyResolver({ root });

  it('merges nested policies: nested overrides parent, extends and ignore accumulate', () => {
    const web = resolver.forFile(path.join(root, 'apps/web/src/session.ts'));
    const api = resolver.forFile(path.join(root, 'services/api/src/routes/login.ts'));
    assert.deepEqual(web.files.map((f) => path.relative(root, f)), ['.trustline.yaml', 'apps/web/.trustline.yaml']);
    assert.equal(web.tokenLifetimes.accessToken, 3600);
    assert.equal(web.tokenLifetimes.refreshToken, 604_800);
    assert.equal(api.tokenLifetimes.accessToken, 900);
    assert.equal(web.rules['jwt/decode-used-for-trust']?.severity, 'error');
    assert.equal(api.rules['jwt/decode-used-for-trust']?.severity, 'info');
    assert.equal(web.rules['team/no-debug-token-log']?.enabled, false);
    assert.equal(web.identityProvider, 'auth0');
    assert.equal(web.extends.length, 2);
    assert.equal(resolver.notices.length, 0);
  });

  it('trust-boundary globs decide client code before path heuristics', () => {
    // jwt-decode in a request handler is a trust decision on a server, a display helper in client code.
    const handler = "import { jwtDecode } from 'jwt-decode';\nexport function me(req: { headers: { authorization?: string } }) {\n  return jwtDecode(req.headers.authorization ?? '');\n}\n";
    const dir = tempDir({
      '.trustline.yaml': 'trustBoundary:\n  server: ["src/components/session/**"]\n  client: ["shared/display/**"]\n',
      'src/components/session/me.ts': handler,
      'shared/display/me.ts': handler,
    });
    const id = 'jwt/decode-used-for-trust';
    const run = (rel: string, withPolicy: boolean): string[] => {
      const file = path.join(dir, rel);
      const policy = withPolicy ? new PolicyResolver({ root: dir }).forFile(file) : undefined;
      return ids(new Analyzer({ rules, root: dir, policy }).analyzeFile(file).findings);
    };
    // Path heuristics alone: components/ is client code, shared/display/ is not.
    assert.ok(!run('src/components/session/me.ts', false).includes(id));
    assert.ok(run('shared/display/me.ts', false).includes(id));
    // The policy's globs win.
    assert.ok(run('src/components/session/me.ts', true).includes(id));
    assert.ok(!run('shared/display/me.ts', true).includes(id));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('approvedAuthModules: globs, folders and workspace package names', () => {
    const dir = tempDir({
      '.trustline.yaml': 'approvedAuthModules: ["src/auth", "@acme/auth"]\n',
      'src/auth/tokens.ts': "import jwt from 'jsonwebtoken';\nexport const t = (id: string) => jwt.sign({ sub: id }, process.env.K ?? '', { expiresIn: '5m' });\n",
      'packages/auth-lib/package.json': '{ "name": "@acme/auth" }\n',
      'packages/auth-lib/src/hash.ts': "import bcrypt from 'bcrypt';\nexport const h = (password: string) => bcrypt.hash(password, 12);\n",
      'src/routes/login.ts': "import jwt from 'jsonwebtoken';\nexport const t = (id: string) => jwt.sign({ sub: id }, process.env.K ?? '', { expiresIn: '5m' });\n",
    });
    const scopes = new PolicyAnalyzers({ resolver: new PolicyResolver({ root: dir }), baseRules: rules, allowExtends: true, analyzer: { root: dir } });
    const run = (rel: string): string[] => ids(scopes.analyzerFor(path.join(dir, rel)).analyzeFile(path.join(dir, rel)).findings);
    const id = 'authn/hand-rolled-outside-approved-modules';
    assert.ok(run('src/routes/login.ts').includes(id));
    assert.ok(!run('src/auth/tokens.ts').includes(id));
    assert.ok(!run('packages/auth-lib/src/hash.ts').includes(id));
    // Without the policy setting the rule does not run at all.
    assert.ok(!ids(new Analyzer({ rules, root: dir }).analyzeFile(path.join(dir, 'src/routes/login.ts')).findings).includes(id));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rule settings: disable, severity override, options validated with did-you-mean', () => {
    const dir = tempDir({
      '.trustline.yaml': 'rules:\n  jwt/decode-used-for-trust: warning\n  jwt/sign-without-expiry: off\n  jwt/none-algorithm: { options: { maxAge: 1h } }\n  jwt/decod-used-for-trust: error\n',
      'src/a.ts': "import jwt from 'jsonwebtoken';\nexport const c = (t: string) => jwt.decode(t);\nexport const s = (id: string) => jwt.sign({ sub: id }, process.env.K ?? '');\n",
    });
    const scopes = new PolicyAnalyzers({ resolver: new PolicyResolver({ root: dir }), baseRules: rules, allowExtends: true, analyzer: { root: dir } });
    const file = path.join(dir, 'src/a.ts');
    const findings = scopes.analyzerFor(file).analyzeFile(file).findings;
    assert.equal(findings.find((f) => f.ruleId === 'jwt/decode-used-for-trust')?.severity, 'warning');
    assert.ok(!findings.some((f) => f.ruleId === 'jwt/sign-without-expiry'));
    const messages = scopes.notices.map((n) => n.message);
    assert.ok(messages.some((m) => /:5 at \/rules\/jwt~1decod-used-for-trust: unknown rule "jwt\/decod-used-for-trust"; did you mean "jwt\/decode-used-for-trust"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown option "maxAge" for jwt\/none-algorithm; jwt\/none-algorithm takes no options/.test(m)), messages.join('\n'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ignore globs skip files; an untrusted workspace ignores extends', () => {
    const scopes = new PolicyAnalyzers({ resolver: new PolicyResolver({ root }), baseRules: rules, allowExtends: false, analyzer: { root } });
    assert.equal(scopes.isIgnored(path.join(root, 'services/api/src/generated/client.ts')), true);
    assert.equal(scopes.isIgnored(path.join(root, 'services/api/src/routes/login.ts')), false);
    const ruleIds = scopes.rulesFor(path.join(root, 'services/api/src/routes/login.ts')).map((r) => r.id);
    assert.ok(!ruleIds.includes('team/no-debug-token-log'));
    assert.ok(scopes.notices.some((n) => n.code === 'untrusted-pack' && n.message.includes('./packs/team-pack')));
  });

  it('an invalid policy is reported with line and pointer, and its valid part still applies', () => {
    const dir = path.join(FIXTURES, 'invalid-policy');
    const resolver = new PolicyResolver({ root: dir });
    const policy = resolver.forFile(path.join(dir, 'src/app.ts'));
    assert.equal(policy.tokenLifetimes.session, 43_200);
    assert.equal(policy.tokenLifetimes.accessToken, undefined);
    assert.equal(policy.rules['jwt/sign-without-expiry']?.enabled, false);
    const messages = resolver.notices.map((n) => n.message);
    assert.ok(messages.includes('.trustline.yaml:5 at /trustBoundry: unknown key "trustBoundry"; did you mean "trustBoundary"?; this setting is ignored'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('.trustline.yaml:1 at /identityProvider: must be one of "auth0"')));
    assert.ok(messages.some((m) => m.startsWith('.trustline.yaml:3 at /tokenLifetimes/accessToken: invalid value; expected a duration')));
  });
});
