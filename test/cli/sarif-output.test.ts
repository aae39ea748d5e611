import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { SarifLog } from '../../src/cli/reporters/sarif-types';
import { createAuthApp, createInfoPack, DECODE_LINE, PLANTED_SECRET, REQUIRE_ROLE } from './helpers/auth-app';
import { ensureBuilt, runTrustline } from './helpers/cli-process';
import { MULTITOOL, runMultitool, schemaErrors } from './helpers/sarif-validators';
import { createWorkspace, type Workspace } from './helpers/workspace';

const DECODE_RULE = 'jwt/decode-used-for-trust';
const DECODE_FILE = 'src/middleware/require-role.ts';

/** Runs `audit --format sarif --output` and returns the file path and the parsed log. */
function auditToSarif(ws: Workspace, extraArgs: string[] = []): { file: string; log: SarifLog } {
  const file = ws.path('out/trustline.sarif');
  const run = runTrustline(['audit', ws.path('app'), '--root', ws.path('app'), '--format', 'sarif', '--output', file, ...extraArgs]);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return { file, log: JSON.parse(readFileSync(file, 'utf8')) as SarifLog };
}

/** A workspace whose `app/` folder holds the auth app plus a suppressed finding and a too-large file. */
function richWorkspace(): Workspace {
  const ws = createAuthApp();
  const app = createAuthApp();
  for (const [rel, content] of [
    [DECODE_FILE, REQUIRE_ROLE],
    ['src/auth/issue-token.ts', readFileSync(app.path('src/auth/issue-token.ts'), 'utf8')],
    ['src/auth/verify-token.ts', readFileSync(app.path('src/auth/verify-token.ts'), 'utf8')],
    ['src/debug/peek.ts', `import jwt from 'jsonwebtoken';\n\nexport function kidOf(token: string) {\n  // trustline-ignore-next-line ${DECODE_RULE} -- only logs the claims for support tickets\n  return jwt.decode(token);\n}\n`],
    ['src/generated/big.js', `// generated\n${'export const filler = 1;\n'.repeat(4000)}`],
  ] as const) {
    ws.write(`app/${rel}`, content);
  }
  app.remove();
  return ws;
}

describe('trustline audit --format sarif (built CLI)', () => {
  const cleanup: Workspace[] = [];
  const track = (ws: Workspace): Workspace => (cleanup.push(ws), ws);
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));

  it('passes the SARIF 2.1.0 JSON schema and the SARIF Multitool with zero errors and warnings', function () {
    const ws = track(richWorkspace());
    const pack = track(createInfoPack(true));
    const { file, log } = auditToSarif(ws, ['--rules', pack.dir, '--max-file-size', '50k']);
    assert.deepEqual(schemaErrors(log), []);
    if (!existsSync(MULTITOOL)) this.skip();
    const report = runMultitool(file, ws.dir);
    assert.equal(report.status, 0, report.console);
    const problems = report.issues.filter((i) => i.level === 'error' || i.level === 'warning');
    assert.deepEqual(problems, [], report.console);
    // Notes we accept on purpose: no message arguments (SARIF2002), no repository provenance (SARIF2003),
    // '/' in rule ids (SARIF2009, required by the rule format), no context region (SARIF2011), and no
    // embedded file content (SARIF2013: it would put unredacted source into the log), and no help URI
    // for rules of third-party packs (SARIF2012: packs do not declare a docs URL).
    const accepted = new Set(['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2011', 'SARIF2013']);
    const packRuleIndex = log.runs[0].tool.driver.rules.findIndex((r) => r.id === 'acme/decode-anywhere');
    accepted.add('SARIF2012');
    assert.equal(report.issues.filter((i) => i.ruleId === 'SARIF2012').length, 1, `only the pack rule (#${packRuleIndex}) lacks a help URI`);
    assert.deepEqual(report.issues.filter((i) => !accepted.has(i.ruleId)), [], report.console);
  });

  it('carries full rule metadata, relative URIs, suppressions and notifications', () => {
    const ws = track(richWorkspace());
    const pack = track(createInfoPack(true));
    const { log } = auditToSarif(ws, ['--rules', pack.dir, '--max-file-size', '50k']);
    const run = log.runs[0];
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(run.tool.driver.name, 'trustline');
    assert.match(run.tool.driver.semanticVersion, /^\d+\.\d+\.\d+/);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(ws.path('app')).href + '/');

    const ruleIndex = run.tool.driver.rules.findIndex((r) => r.id === DECODE_RULE);
    const rule = run.tool.driver.rules[ruleIndex];
    assert.equal(rule.name, 'JwtDecodeUsedForTrust');
    assert.ok(rule.help.markdown && rule.help.markdown.length > 50);
    assert.equal(rule.helpUri, `https://github.com/trustline/trustline/blob/main/rules/builtin/${DECODE_RULE}/docs.md`);
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.deepEqual(rule.properties.tags, ['token.verify', 'security', 'external/cwe/cwe-345', 'external/cwe/cwe-347']);
    assert.equal(rule.properties['security-severity'], '8.0');
    assert.equal(rule.properties.precision, 'high');
    const packRule = run.tool.driver.rules.find((r) => r.id === 'acme/decode-anywhere');
    assert.equal(packRule?.defaultConfiguration.level, 'note');
    assert.equal(packRule?.helpUri, undefined);

    const decode = run.results.filter((r) => r.ruleId === DECODE_RULE);
    const active = decode.find((r) => r.suppressions?.length === 0);
    const suppressed = decode.find((r) => (r.suppressions?.length ?? 0) > 0);
    assert.ok(run.results.every((r) => Array.isArray(r.suppressions)), 'suppressions on every result or on none (SARIF §3.27.23)');
    assert.ok(active && suppressed, JSON.stringify(decode));
    assert.equal(active.ruleIndex, ruleIndex);
    assert.equal(active.level, 'error');
    const location = active.locations[0].physicalLocation;
    assert.deepEqual({ ...location.artifactLocation, index: undefined }, { uri: DECODE_FILE, uriBaseId: '%SRCROOT%', index: undefined });
    assert.equal(run.artifacts[location.artifactLocation.index ?? -1].location.uri, DECODE_FILE);
    assert.equal(location.region?.startLine, DECODE_LINE);
    assert.match(location.region?.snippet?.text ?? '', /jwt\.decode\(token\)/);
    assert.deepEqual(suppressed.suppressions, [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'only logs the claims for support tickets',
        location: { physicalLocation: { artifactLocation: { uri: 'src/debug/peek.ts', uriBaseId: '%SRCROOT%', index: run.artifacts.findIndex((a) => a.location.uri === 'src/debug/peek.ts') }, region: { startLine: 4 } } },
      },
    ]);

    const notifications = run.invocations[0].toolExecutionNotifications;
    assert.equal(run.invocations[0].executionSuccessful, true);
    const tooLarge = notifications.find((n) => n.descriptor?.id === 'file-too-large');
    assert.equal(tooLarge?.locations?.[0].physicalLocation.artifactLocation.uri, 'src/generated/big.js');
    assert.ok(!tooLarge?.message.text.includes(ws.dir), 'notification messages use relative paths');
    assert.ok(notifications.some((n) => n.descriptor?.id === 'invalid-rule' && n.level === 'error'));
    assert.ok(!JSON.stringify(log).includes(PLANTED_SECRET), 'the planted secret never reaches the log');
  });

  it('keeps partialFingerprints when lines are inserted above a finding', () => {
    const ws = track(createWorkspace({ [`app/${DECODE_FILE}`]: REQUIRE_ROLE }));
    const before = auditToSarif(ws).log.runs[0].results.filter((r) => r.ruleId === DECODE_RULE);
    ws.write(`app/${DECODE_FILE}`, REQUIRE_ROLE.replace("import jwt from 'jsonwebtoken';\n", "import jwt from 'jsonwebtoken';\n\n\n// Roles are checked below.\n\n"));
    const after = auditToSarif(ws).log.runs[0].results.filter((r) => r.ruleId === DECODE_RULE);
    assert.equal(before.length, 1);
    assert.equal(after.length, 1);
    assert.equal(after[0].locations[0].physicalLocation.region?.startLine, DECODE_LINE + 4);
    assert.equal(after[0].partialFingerprints.primaryLocationLineHash, before[0].partialFingerprints.primaryLocationLineHash);
  });

  it('gives identical-looking findings in one file distinct fingerprints', () => {
    const peek = "import jwt from 'jsonwebtoken';\nexport const a = (t: string) => {\n  return jwt.decode(t);\n};\nexport const b = (t: string) => {\n  return jwt.decode(t);\n};\n";
    const ws = track(createWorkspace({ 'app/src/peek.ts': peek }));
    const hashes = auditToSarif(ws).log.runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    assert.equal(hashes.length, 2);
    assert.equal(new Set(hashes).size, 2);
    assert.equal(hashes[0].split(':')[0], hashes[1].split(':')[0]);
  });
});
