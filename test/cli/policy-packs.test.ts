/**
 * Team policy and rule packs through the real CLI (dist/cli.js) over fixture workspaces (test/fixtures/policy):
 * a nested monorepo policy, a pack from a folder and one installed under node_modules, overrides and disabled
 * rules, token-lifetime limits, trust-boundary globs, ignore globs, an invalid policy and invalid packs (the rest
 * still runs), a pack with a catastrophic regex, SARIF tool.extensions, `packs init` + `packs test`, `init`.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SarifLog } from '../../src/cli/reporters/sarif-types';
import { loadPolicyFile, type Notice } from '../../src/engine';
import { ensureBuilt, REPO_ROOT, runTrustline } from './helpers/cli-process';
import { MULTITOOL, runMultitool, schemaErrors } from './helpers/sarif-validators';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'policy');

interface JsonOut {
  findings: Array<{ ruleId: string; severity: string; file: string; message: string; range: { startLine: number } }>;
  notices: Array<{ level: string; code: string; message: string; file?: string; line?: number; pointer?: string }>;
}

const temps: string[] = [];

function temp(): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'trustline-policy-cli-')));
  temps.push(dir);
  return dir;
}

/** The monorepo fixture copied to a temp folder, with the acme pack "installed" under node_modules. */
function monorepo(): string {
  const dir = temp();
  cpSync(path.join(FIXTURES, 'monorepo'), dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'acme-pack'), path.join(dir, 'node_modules', '@acme', 'trustline-rules'), { recursive: true });
  return dir;
}

function auditJson(cwd: string, args: string[] = []): { out: JsonOut; stderr: string; status: number | null } {
  const run = runTrustline(['audit', '.', '--format', 'json', '--no-exit-code', ...args], { cwd });
  assert.equal(run.status, 0, run.stderr);
  const parsed: unknown = JSON.parse(run.stdout);
  return { out: parsed as JsonOut, stderr: run.stderr, status: run.status };
}

function rulesIn(out: JsonOut, file: string): string[] {
  return [...new Set(out.findings.filter((f) => f.file === file).map((f) => f.ruleId))].sort();
}

/** sha256 over the folder's files in sorted relative-path order, as documented for SARIF tool.extensions. */
function independentHash(dir: string): string {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === '.git') continue;
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else files.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(`${f}\0`).update(readFileSync(path.join(dir, f))).update('\0');
  return `sha256:${hash.digest('hex')}`;
}

describe('CLI: team policy and rule packs', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('applies the nested monorepo policy: packs from a folder and node_modules, overrides, lifetimes, ignores', () => {
    const dir = monorepo();
    const { out } = auditJson(dir);
    const api = 'services/api/src/routes/login.ts';
    const web = 'apps/web/src/session.ts';
    const apiRules = rulesIn(out, api);
    for (const id of [
      'acme/legacy-session-check', // npm pack under node_modules
      'authn/hand-rolled-outside-approved-modules', // approvedAuthModules: services/api/src/auth
      'jwt/decode-used-for-trust',
      'jwt/token-lifetime-exceeds-policy', // 30m > 15m
      'team/no-debug-token-log', // folder pack
    ]) {
      assert.ok(apiRules.includes(id), `${id} in ${apiRules.join(', ')}`);
    }
    assert.equal(out.findings.find((f) => f.file === api && f.ruleId === 'jwt/decode-used-for-trust')?.severity, 'info');
    assert.match(out.findings.find((f) => f.file === api && f.ruleId === 'jwt/token-lifetime-exceeds-policy')?.message ?? '', /access-token limit \(15 minutes\)/);
    // timing/unsafe-secret-compare is off at the root.
    assert.ok(!out.findings.some((f) => f.ruleId === 'timing/unsafe-secret-compare'));
    // apps/web: its own limit (1h), decode at error, the team pack rule off.
    const webRules = rulesIn(out, web);
    assert.ok(!webRules.includes('jwt/token-lifetime-exceeds-policy'), webRules.join(', '));
    assert.ok(!webRules.includes('team/no-debug-token-log'), webRules.join(', '));
    assert.equal(out.findings.find((f) => f.file === web && f.ruleId === 'jwt/decode-used-for-trust')?.severity, 'error');
    // The approved module is quiet; ignored files are not analyzed at all.
    assert.deepEqual(rulesIn(out, 'services/api/src/auth/tokens.ts'), []);
    assert.ok(!out.findings.some((f) => f.file.includes('/generated/')));
    assert.deepEqual(out.notices.filter((n) => n.level === 'error'), []);
  });

  it('trust-boundary globs of the nested policy: src/** is client code, src/edge/** is not', () => {
    const dir = monorepo();
    const { out } = auditJson(dir);
    // jwt-decode in a request handler: a display helper in client code, a trust decision on the edge.
    assert.ok(!rulesIn(out, 'apps/web/src/profile.ts').includes('jwt/decode-used-for-trust'));
    assert.ok(rulesIn(out, 'apps/web/src/edge/auth.ts').includes('jwt/decode-used-for-trust'));
  });

  it('--config applies one policy to every file; --no-policy ignores policies', () => {
    const dir = monorepo();
    const explicit = auditJson(dir, ['--config', 'apps/web/.trustline.yaml']).out;
    assert.ok(!rulesIn(explicit, 'services/api/src/routes/login.ts').includes('jwt/token-lifetime-exceeds-policy'), 'the web limit (1h) applies to the api too');
    assert.ok(explicit.findings.some((f) => f.file.includes('/generated/')), 'the root ignore does not apply');
    const none = auditJson(dir, ['--no-policy']).out;
    assert.ok(!none.findings.some((f) => f.ruleId === 'acme/legacy-session-check' || f.ruleId === 'jwt/token-lifetime-exceeds-policy'));
    assert.ok(none.findings.some((f) => f.ruleId === 'timing/unsafe-secret-compare'));
    const missing = runTrustline(['audit', '.', '--config', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--config nope\.yaml not found \(expected a policy file/);
  });

  it('records each pack (name, version, sha256 content hash) in SARIF tool.extensions; the log validates', function () {
    const dir = monorepo();
    const file = path.join(dir, 'out.sarif');
    const run = runTrustline(['audit', '.', '--format', 'sarif', '--output', file, '--no-exit-code'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
    const extensions = log.runs[0]!.tool.extensions ?? [];
    const byName = new Map(extensions.map((e) => [e.name, e]));
    const acme = byName.get('@acme/trustline-rules');
    const team = byName.get('team-pack');
    assert.ok(acme && team, JSON.stringify(extensions));
    assert.equal(acme.version, '0.1.0');
    assert.equal(team.semanticVersion, '1.2.0');
    assert.equal(acme.properties.contentHash, independentHash(path.join(dir, 'node_modules', '@acme', 'trustline-rules')));
    assert.equal(team.properties.contentHash, independentHash(path.join(dir, 'packs', 'team-pack')));
    assert.deepEqual(team.properties.ruleIds, ['team/no-debug-token-log']);
    assert.deepEqual(team.locations, [{ uri: 'packs/team-pack/', uriBaseId: '%SRCROOT%' }]);
    assert.deepEqual(log.runs[0]!.properties?.policyFiles, ['.trustline.yaml', 'apps/web/.trustline.yaml']);
    assert.deepEqual(schemaErrors(log), []);
    if (!existsSync(MULTITOOL)) this.skip();
    const report = runMultitool(file, dir);
    assert.equal(report.status, 0, report.console);
    assert.deepEqual(report.issues.filter((i) => i.level === 'error' || i.level === 'warning'), [], report.console);
  });

  it('reports an invalid policy once with file, line, pointer and did-you-mean; the rest of the run goes on', () => {
    const dir = temp();
    cpSync(path.join(FIXTURES, 'invalid-policy'), dir, { recursive: true });
    const run = runTrustline(['audit', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /\.trustline\.yaml:5 at \/trustBoundry: unknown key "trustBoundry"; did you mean "trustBoundary"\?/);
    assert.match(run.stderr, /\.trustline\.yaml:3 at \/tokenLifetimes\/accessToken: invalid value; expected a duration/);
    assert.match(run.stderr, /\.trustline\.yaml:8 at \/rules\/jwt~1decode-used-for-trst: unknown rule "jwt\/decode-used-for-trst"; did you mean "jwt\/decode-used-for-trust"\?/);
    assert.equal(run.stderr.split('trustBoundry"; did you mean').length - 1, 1, 'reported once');
    // The valid rest applies: the session limit (12h) and the disabled rule.
    assert.match(run.stdout, /session\/cookie-lifetime-exceeds-policy/);
    assert.doesNotMatch(run.stdout, /jwt\/sign-without-expiry/);
    assert.match(run.stdout, /jwt\/decode-used-for-trust/);
  });

  it('loads the valid rules of an invalid pack and of a pack with a catastrophic regex, naming the bad ones', () => {
    const dir = temp();
    cpSync(path.join(FIXTURES, 'bad-packs'), dir, { recursive: true });
    writeFileSync(path.join(dir, '.trustline.yaml'), 'extends:\n  - ./invalid-pack\n  - ./regex-pack\n');
    const { out } = auditJson(dir);
    assert.deepEqual(rulesIn(out, 'app.ts'), ['acme/fine', 'acme/good', 'jwt/decode-used-for-trust']);
    const errors = out.notices.filter((n) => n.level === 'error');
    const slow = errors.find((n) => n.message.includes('unsafe regular expression'));
    assert.ok(slow, JSON.stringify(errors));
    assert.equal(slow.file, 'regex-pack/acme/slow/rule.yaml');
    assert.match(slow.message, /rule\.yaml:\d+ at \/match\/arg\/name: unsafe regular expression "\^\(a\+\)\+\$": it nests a repeated group/);
    assert.ok(errors.some((n) => n.file === 'invalid-pack/acme/broken/rule.yaml' && n.pointer === '/severity'));
  });

  it('refuses packs that point at code', () => {
    const dir = temp();
    cpSync(path.join(FIXTURES, 'bad-packs'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'invalid-pack', 'pack.yaml'), 'name: invalid-pack\nversion: 0.0.1\nschemaVersion: 1\nrules: ["*/*/rule.yaml", "lib/*.js"]\nextends: ["./plugin.js"]\n');
    const { out } = auditJson(dir, ['--rules', 'invalid-pack']);
    const messages = out.notices.map((n) => n.message).join('\n');
    assert.match(messages, /"lib\/\*\.js" names code; rules are rule\.yaml \/ rule\.json files \(packs are data only\)/);
    assert.match(messages, /"\.\/plugin\.js" names code; packs are data only/);
    assert.ok(rulesIn(out, 'app.ts').includes('acme/good'));
  });

  it('packs init scaffolds a pack whose fixtures pass packs test and validate; a broken fixture fails', () => {
    const dir = temp();
    const init = runTrustline(['packs', 'init', '@acme/trustline-rules', '--dir', 'rules-pack'], { cwd: dir });
    assert.equal(init.status, 0, init.stderr);
    const pack = path.join(dir, 'rules-pack');
    const tested = runTrustline(['packs', 'test', 'rules-pack'], { cwd: dir });
    assert.equal(tested.status, 0, tested.stdout + tested.stderr);
    assert.match(tested.stdout, /3 passed, 0 failed/);
    const validated = runTrustline(['packs', 'validate', 'rules-pack'], { cwd: dir });
    assert.equal(validated.status, 0, validated.stdout + validated.stderr);
    assert.match(validated.stdout, /@acme\/trustline-rules 0\.1\.0: 1 rule, 0 errors, 0 warnings \(sha256:[0-9a-f]{64}\)/);
    // Unmark a positive line: the runner names the line.
    const positive = path.join(pack, 'acme', 'legacy-session-check', 'fixtures', 'positive.ts');
    writeFileSync(positive, readFileSync(positive, 'utf8').replace('return checkSession(sid); // expect: acme/legacy-session-check', 'return checkSession(sid);'));
    const failing = runTrustline(['packs', 'test', 'rules-pack'], { cwd: dir });
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /positive\.ts: reported on unmarked line\(s\) 5/);
    // validate: a missing negative fixture and snippet are errors.
    rmSync(path.join(pack, 'acme', 'legacy-session-check', 'fixtures', 'negative.ts'));
    rmSync(path.join(pack, 'snippets'), { recursive: true });
    const invalid = runTrustline(['packs', 'validate', 'rules-pack'], { cwd: dir });
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /no negative fixture/);
    assert.match(invalid.stderr, /fix snippet acme\/verify-session not found/);
    const again = runTrustline(['packs', 'init', '@acme/trustline-rules', '--dir', 'rules-pack'], { cwd: dir });
    assert.equal(again.status, 2);
  });

  it('init infers the identity provider, secret store and session library, writes a valid policy, and refuses to overwrite', () => {
    const dir = temp();
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'shop', workspaces: ['apps/*'], dependencies: { '@google-cloud/secret-manager': '^5' } }),
    );
    cpSync(path.join(FIXTURES, 'monorepo', 'apps'), path.join(dir, 'apps'), { recursive: true });
    writeFileSync(path.join(dir, 'apps', 'web', 'package.json'), JSON.stringify({ name: 'web', dependencies: { '@clerk/nextjs': '^5', 'iron-session': '^8', jose: '^5' } }));
    const run = runTrustline(['init'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /identity provider: clerk; secret store: gcp-secret-manager; session libraries: iron-session; JWT libraries: jose/);
    const text = readFileSync(path.join(dir, '.trustline.yaml'), 'utf8');
    assert.match(text, /^identityProvider: clerk # found @clerk\/nextjs$/m);
    assert.match(text, /^secretStore: gcp-secret-manager/m);
    assert.match(text, /session: 12h # iron-session/);
    const notices: Notice[] = [];
    assert.ok(loadPolicyFile(path.join(dir, '.trustline.yaml'), notices));
    assert.deepEqual(notices, []);
    const again = runTrustline(['init'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /\.trustline\.yaml already exists \(expected no policy there; use --force/);
    assert.equal(runTrustline(['init', '--force', '--identity-provider', 'okta'], { cwd: dir }).status, 0);
    assert.match(readFileSync(path.join(dir, '.trustline.yaml'), 'utf8'), /^identityProvider: okta$/m);
  });
});
