import { strict as assert } from 'node:assert';
import path from 'node:path';
import { summarize, auditExitCode } from '../../src/cli/audit-report';
import { toJsonReport, JSON_REPORT_VERSION } from '../../src/cli/reporters/json';
import { primaryLocationLineHashes } from '../../src/cli/reporters/fingerprint';
import { cweTags, ruleName, toReportingDescriptor } from '../../src/cli/reporters/sarif-rule';
import { toSarifLog } from '../../src/cli/reporters/sarif';
import { renderNoticeLine, renderText } from '../../src/cli/reporters/text';
import { makeFinding, makeReport, makeRule } from './helpers/findings';

const ROOT = path.resolve('/work/app');
const AUTH = path.join(ROOT, 'src', 'auth.ts');
const TOKENS = path.join(ROOT, 'src', 'tokens.ts');
const ESC = '\u001b[';

function sampleReport() {
  return makeReport(ROOT, [
    makeFinding({ file: AUTH }),
    makeFinding({
      file: AUTH,
      ruleId: 'secret/hardcoded-jwt-secret',
      category: 'secret.inline',
      severity: 'warning',
      message: 'Signing secret is hard-coded',
      range: { startLine: 9, startColumn: 28, endLine: 9, endColumn: 60, startOffset: 200, endOffset: 232 },
      snippet: "  return jwt.sign(payload, '<redacted>');",
      related: [{ message: 'secret defined here', range: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 20, startOffset: 10, endOffset: 23 } }],
    }),
    makeFinding({
      file: TOKENS,
      severity: 'info',
      range: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 10, startOffset: 20, endOffset: 29 },
      suppression: { justification: 'claims only used for logging', line: 2 },
    }),
  ]);
}

describe('cli reporters', () => {
  describe('summary and exit code', () => {
    it('counts unsuppressed findings by severity and suppressed ones apart', () => {
      const summary = summarize(sampleReport());
      assert.deepEqual(summary, { error: 1, warning: 1, info: 0, total: 2, suppressed: 1, files: 2, filesWithFindings: 1, skippedFiles: 0 });
    });

    it('exits 1 only for unsuppressed findings at or above the threshold', () => {
      assert.equal(auditExitCode(sampleReport()), 1);
      const onlySuppressed = makeReport(ROOT, [makeFinding({ file: AUTH, suppression: { justification: 'test key', line: 3 } })]);
      assert.equal(auditExitCode(onlySuppressed), 0);
      const infoOnly = makeReport(ROOT, [makeFinding({ file: AUTH, severity: 'info' })], { threshold: 'warning' });
      assert.equal(auditExitCode(infoOnly), 0);
    });
  });

  describe('text', () => {
    it('groups by file with relative file:line:col lines, snippets and a summary', () => {
      const text = renderText(sampleReport(), { color: false });
      const lines = text.split('\n');
      assert.equal(lines[0], 'src/auth.ts');
      assert.match(text, /^ {2}src\/auth\.ts:4:16 {2}error {4}jwt\.decode does not check the signature; use jwt\.verify with pinned algorithms {2}\[jwt\/decode-without-verify\]$/m);
      assert.match(text, /^ {6}\| const claims = jwt\.decode\(token\);$/m);
      assert.match(text, /src\/auth\.ts:9:28 {2}warning {2}Signing secret is hard-coded {2}\[secret\/hardcoded-jwt-secret\]/);
      assert.match(text, /related: src\/auth\.ts:2:7 secret defined here/);
      assert.doesNotMatch(text, /tokens\.ts/, 'suppressed findings are not listed');
      assert.match(lines.at(-2) ?? '', /^2 findings \(1 error, 1 warning, 0 info\) in 1 of 2 files \(1 suppressed\)\.$/);
      assert.ok(!text.includes(ESC));
      assert.ok(!text.includes(ROOT), 'paths are relative');
    });

    it('colors only when asked', () => {
      assert.ok(renderText(sampleReport(), { color: true }).includes(`${ESC}31m`));
    });

    it('says so when there is nothing to report', () => {
      assert.equal(renderText(makeReport(ROOT, [], { files: [AUTH] }), { color: false }), 'No findings in 1 file.\n');
    });

    it('prints notices with a relative location and no duplicated file name', () => {
      const line = renderNoticeLine({ level: 'warning', code: 'parse-failed', message: 'file has syntax errors', file: AUTH, line: 3 }, ROOT, false);
      assert.equal(line, 'trustline warning (parse-failed) src/auth.ts:3: file has syntax errors');
      const rule = renderNoticeLine(
        { level: 'error', code: 'invalid-rule', message: 'rule.yaml:4 at /severity: must be one of error, warning, info', file: '/packs/p/r/rule.yaml', line: 4, pointer: '/severity' },
        ROOT,
        false,
      );
      assert.equal(rule, 'trustline error (invalid-rule) /packs/p/r/rule.yaml:4 at /severity: must be one of error, warning, info');
    });
  });

  describe('json', () => {
    it('has the documented shape with relative paths', () => {
      const json = toJsonReport({ ...sampleReport(), notices: [{ level: 'info', code: 'file-too-large', message: 'skipped', file: TOKENS }] });
      assert.equal(json.version, JSON_REPORT_VERSION);
      assert.equal(json.tool.name, 'trustline');
      assert.match(json.tool.version, /^\d+\.\d+\.\d+/);
      assert.equal(json.root, ROOT);
      assert.deepEqual(Object.keys(json), ['version', 'tool', 'root', 'threshold', 'findings', 'notices', 'summary']);
      assert.equal(json.findings.length, 3);
      assert.deepEqual(
        json.findings.map((f) => [f.file, f.range.startLine, f.suppressed]),
        [['src/auth.ts', 4, false], ['src/auth.ts', 9, false], ['src/tokens.ts', 3, true]],
      );
      assert.equal(json.findings[1].related[0].file, 'src/auth.ts');
      assert.deepEqual(json.findings[2].suppression, { justification: 'claims only used for logging', line: 2 });
      assert.deepEqual(json.notices, [{ level: 'info', code: 'file-too-large', message: 'skipped', file: 'src/tokens.ts' }]);
      assert.equal(json.summary.total, 2);
    });
  });

  describe('fingerprints', () => {
    it('ignore line numbers and whitespace but tell identical snippets apart by occurrence', () => {
      const a = makeFinding({ file: AUTH });
      const shifted = makeFinding({ file: AUTH, snippet: '\tconst   claims = jwt.decode(token);', range: { ...a.range, startLine: 40, endLine: 40 } });
      const [ha] = primaryLocationLineHashes(ROOT, [a]);
      const [hs] = primaryLocationLineHashes(ROOT, [shifted]);
      assert.equal(ha, hs);
      const twice = primaryLocationLineHashes(ROOT, [a, shifted]);
      assert.notEqual(twice[0], twice[1]);
      assert.match(twice[1], /:2$/);
      const [other] = primaryLocationLineHashes(ROOT, [makeFinding({ file: TOKENS })]);
      assert.notEqual(other, ha);
    });
  });

  describe('sarif', () => {
    it('describes rules with full metadata', () => {
      const descriptor = toReportingDescriptor(makeRule());
      assert.equal(descriptor.name, 'JwtDecodeWithoutVerify');
      assert.equal(descriptor.helpUri, 'https://github.com/trustline/trustline/blob/main/rules/builtin/jwt/decode-without-verify/docs.md');
      assert.deepEqual(descriptor.defaultConfiguration, { level: 'error' });
      assert.equal(descriptor.help.markdown, '# Do not trust jwt.decode\n\n`jwt.decode` skips signature checks.');
      assert.deepEqual(descriptor.properties.tags, ['token.verify', 'security', 'external/cwe/cwe-345', 'external/cwe/cwe-347']);
      assert.equal(descriptor.properties.precision, 'high');
      assert.equal(descriptor.properties['security-severity'], '8.0');
      assert.equal(toReportingDescriptor(makeRule({ pack: 'acme', severity: 'info', confidence: 'low' })).helpUri, undefined);
      assert.equal(ruleName('session/math-random-id'), 'SessionMathRandomId');
      assert.deepEqual(cweTags(['CWE-0798', '1390']), ['external/cwe/cwe-798', 'external/cwe/cwe-1390']);
    });

    it('writes relative URIs, fingerprints, suppressions and notifications', () => {
      const log = toSarifLog({ ...sampleReport(), notices: [{ level: 'warning', code: 'rule-crashed', message: 'rule crashed', file: AUTH, ruleId: 'jwt/decode-without-verify' }] });
      const run = log.runs[0];
      assert.equal(log.version, '2.1.0');
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/app/');
      assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['jwt/decode-without-verify', 'secret/hardcoded-jwt-secret']);
      const [first, second, third] = run.results;
      assert.equal(first.ruleIndex, 0);
      assert.equal(second.ruleIndex, 1);
      assert.equal(second.level, 'warning');
      assert.equal(third.level, 'note');
      assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'src/auth.ts', uriBaseId: '%SRCROOT%', index: 0 });
      assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 4, startColumn: 16, endLine: 4, endColumn: 33, snippet: { text: '  const claims = jwt.decode(token);' } });
      assert.match(first.partialFingerprints.primaryLocationLineHash, /^[0-9a-f]{32}:1$/);
      assert.equal(first.message.text, 'jwt.decode does not check the signature; use jwt.verify with pinned algorithms.');
      assert.equal(second.relatedLocations?.[0].physicalLocation.region?.startLine, 2);
      assert.deepEqual(first.suppressions, [], 'evaluated and not suppressed: every result carries suppressions (SARIF §3.27.23)');
      assert.deepEqual(third.suppressions?.[0].kind, 'inSource');
      assert.equal(third.suppressions?.[0].justification, 'claims only used for logging');
      assert.deepEqual(run.artifacts.map((a) => a.location.uri), ['src/auth.ts', 'src/tokens.ts']);
      const notification = run.invocations[0].toolExecutionNotifications[0];
      assert.deepEqual(notification.associatedRule, { id: 'jwt/decode-without-verify', index: 0 });
      assert.equal(notification.descriptor?.id, 'rule-crashed');
      assert.equal(run.invocations[0].executionSuccessful, true);
    });

    it('percent-encodes URIs and invents a descriptor for a rule it was not told about', () => {
      const odd = path.join(ROOT, 'src', 'my auth#1.ts');
      const log = toSarifLog(makeReport(ROOT, [makeFinding({ file: odd, ruleId: 'acme/custom' })], { rules: [] }));
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/my%20auth%231.ts');
      assert.equal(log.runs[0].tool.driver.rules[0].id, 'acme/custom');
      assert.equal(log.runs[0].results[0].ruleIndex, 0);
    });
  });
});
