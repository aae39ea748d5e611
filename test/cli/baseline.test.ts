import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/reporters/json';
import type { SarifLog } from '../../src/cli/reporters/sarif-types';
import { createAuthApp, DECODE_LINE, PLANTED_SECRET, REQUIRE_ROLE } from './helpers/auth-app';
import { ensureBuilt, runTrustline } from './helpers/cli-process';
import { MULTITOOL, runMultitool, schemaErrors } from './helpers/sarif-validators';
import { type Workspace } from './helpers/workspace';

const DECODE_RULE = 'jwt/decode-used-for-trust';
const DECODE_FILE = 'src/middleware/require-role.ts';
const NEW_FILE = 'src/auth/peek.ts';
const PEEK = "import jwt from 'jsonwebtoken';\nexport const peek = (t: string) => jwt.decode(t) as { role?: string };\n";

interface BaselineFile {
  version: number;
  tool: string;
  findings: { fingerprint: string; ruleId: string; file: string }[];
}

describe('trustline baseline and audit --baseline (built CLI)', () => {
  const cleanup: Workspace[] = [];
  const track = (ws: Workspace): Workspace => (cleanup.push(ws), ws);
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));

  /** The auth app with a baseline of its current findings in `trustline-baseline.json`. */
  function baselinedApp(): { ws: Workspace; baseline: BaselineFile } {
    const ws = track(createAuthApp());
    const written = runTrustline(['baseline'], { cwd: ws.dir });
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /^Wrote \d+ findings in \d+ files to trustline-baseline\.json\.$/m);
    return { ws, baseline: JSON.parse(readFileSync(ws.path('trustline-baseline.json'), 'utf8')) as BaselineFile };
  }

  it('writes a versioned, sorted baseline keyed by the SARIF fingerprints, identical on a second run', () => {
    const { ws, baseline } = baselinedApp();
    assert.equal(baseline.version, 1);
    assert.ok(baseline.findings.length >= 2, JSON.stringify(baseline));
    const keys = baseline.findings.map((e) => [e.file, e.ruleId, e.fingerprint].join(' '));
    assert.deepEqual(keys, [...keys].sort());
    const sarif = JSON.parse(runTrustline(['audit', '--format', 'sarif'], { cwd: ws.dir }).stdout) as SarifLog;
    assert.deepEqual(
      baseline.findings.map((e) => e.fingerprint).sort(),
      sarif.runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash).sort(),
      'the baseline and SARIF share one fingerprint function',
    );
    const before = readFileSync(ws.path('trustline-baseline.json'), 'utf8');
    assert.ok(!before.includes(PLANTED_SECRET));
    assert.equal(runTrustline(['baseline', '-q'], { cwd: ws.dir }).status, 0);
    assert.equal(readFileSync(ws.path('trustline-baseline.json'), 'utf8'), before, 'stable output');
  });

  it('reports only new findings, counts the rest as in baseline, and exits on new ones only', () => {
    const { ws, baseline } = baselinedApp();
    const clean = runTrustline(['audit', '--baseline', 'trustline-baseline.json'], { cwd: ws.dir });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, `No new findings in 3 files (${baseline.findings.length} in baseline).\n`);

    // Move every old finding down: lines inserted above must not make them new.
    ws.write(DECODE_FILE, REQUIRE_ROLE.replace("import jwt from 'jsonwebtoken';\n", "import jwt from 'jsonwebtoken';\n\n// Role checks.\n// More notes.\n\n"));
    const shifted = runTrustline(['audit', '--baseline', 'trustline-baseline.json', '--format', 'json'], { cwd: ws.dir });
    assert.equal(shifted.status, 0, shifted.stdout + shifted.stderr);
    const shiftedReport = JSON.parse(shifted.stdout) as JsonReport;
    assert.deepEqual(shiftedReport.findings, []);
    assert.equal(shiftedReport.summary.inBaseline, baseline.findings.length);
    assert.deepEqual(shiftedReport.baseline, { file: 'trustline-baseline.json', entries: baseline.findings.length, absent: 0 });

    ws.write(NEW_FILE, PEEK);
    const withNew = runTrustline(['audit', '--baseline', 'trustline-baseline.json'], { cwd: ws.dir });
    assert.equal(withNew.status, 1, withNew.stderr);
    assert.match(withNew.stdout, new RegExp(`^${NEW_FILE}\n  ${NEW_FILE}:2:`, 'm'));
    assert.doesNotMatch(withNew.stdout, new RegExp(DECODE_FILE));
    assert.match(withNew.stdout, new RegExp(`^1 new finding \\(1 error, 0 warnings, 0 info\\) in 1 of 4 files \\(${baseline.findings.length} in baseline\\)\\.$`, 'm'));
    const json = JSON.parse(runTrustline(['audit', '--baseline', 'trustline-baseline.json', '--format', 'json'], { cwd: ws.dir }).stdout) as JsonReport;
    assert.deepEqual(json.findings.map((f) => [f.file, f.ruleId, f.baselineState]), [[NEW_FILE, DECODE_RULE, 'new']]);
  });

  it('notes baseline entries that no longer match, and keeps suppressed findings out of the baseline', () => {
    const { ws, baseline } = baselinedApp();
    ws.write(DECODE_FILE, REQUIRE_ROLE.replace('jwt.decode(token)', 'jwt.verify(token, key, { algorithms: ["RS256"] })'));
    const run = runTrustline(['audit', '--baseline', 'trustline-baseline.json', '--format', 'json'], { cwd: ws.dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    const gone = baseline.findings.filter((e) => e.file === DECODE_FILE && e.ruleId === DECODE_RULE).length;
    assert.ok(gone >= 1);
    assert.ok((report.baseline?.absent ?? 0) >= gone, JSON.stringify(report.baseline));
    assert.ok(report.notices.some((n) => n.code === 'baseline-entries-absent' && /no longer match a finding/.test(n.message)));

    ws.write(NEW_FILE, `import jwt from 'jsonwebtoken';\n// trustline-ignore-next-line ${DECODE_RULE} -- kid only\nexport const peek = (t: string) => jwt.decode(t);\n`);
    const written = JSON.parse(runTrustline(['baseline', '--output', '-', '-q'], { cwd: ws.dir }).stdout) as BaselineFile;
    assert.ok(!written.findings.some((e) => e.file === NEW_FILE), 'a suppressed finding is not baselined');
  });

  it('rejects a missing, malformed or invalid baseline with one clear message (exit 2)', () => {
    const ws = track(createAuthApp());
    ws.write('bad.json', '{ "version": 1, "findings": [ { "fingerprint": "nope", "ruleId": "x", "file": "a.ts" } ] }');
    ws.write('broken.json', '{ "version": 1, ');
    ws.write('future.json', '{ "version": 7, "findings": [] }');
    const cases: [string, RegExp][] = [
      ['missing.json', /^trustline: cannot read baseline missing\.json \(ENOENT; expected a baseline file written by "trustline baseline"\); create one with "trustline baseline --output <file>"$/m],
      ['bad.json', /^trustline: baseline bad\.json at \/findings\/0\/fingerprint: must match pattern .* \(expected the format of rules\/schema\/baseline\.schema\.json\)$/m],
      ['broken.json', /^trustline: baseline broken\.json is not valid JSON \(/m],
      ['future.json', /^trustline: baseline future\.json has format version 7, newer than this trustline reads/m],
    ];
    for (const [file, message] of cases) {
      const run = runTrustline(['audit', '--baseline', file], { cwd: ws.dir });
      assert.equal(run.status, 2, `${file}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${file}: ${run.stderr}`);
    }
  });

  it('marks every SARIF result new or unchanged, and the log passes the schema and the SARIF Multitool', function () {
    const { ws } = baselinedApp();
    ws.write(NEW_FILE, PEEK);
    ws.write(DECODE_FILE, `// moved\n${REQUIRE_ROLE}`);
    const out = ws.path('out/baseline.sarif');
    const run = runTrustline(['audit', '--baseline', 'trustline-baseline.json', '--format', 'sarif', '--output', out], { cwd: ws.dir });
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    const results = log.runs[0].results;
    assert.ok(results.every((r) => r.baselineState === 'new' || r.baselineState === 'unchanged'), JSON.stringify(results.map((r) => r.baselineState)));
    const uri = (r: (typeof results)[number]) => r.locations[0].physicalLocation.artifactLocation.uri;
    assert.deepEqual(results.filter((r) => r.baselineState === 'new').map((r) => [uri(r), r.ruleId]), [[NEW_FILE, DECODE_RULE]]);
    const moved = results.find((r) => uri(r) === DECODE_FILE && r.ruleId === DECODE_RULE);
    assert.equal(moved?.baselineState, 'unchanged');
    assert.equal(moved?.locations[0].physicalLocation.region?.startLine, DECODE_LINE + 1);
    assert.deepEqual(schemaErrors(log), []);
    if (!existsSync(MULTITOOL)) this.skip();
    const report = runMultitool(out, ws.dir);
    assert.equal(report.status, 0, report.console);
    assert.deepEqual(report.issues.filter((i) => i.level === 'error' || i.level === 'warning'), [], report.console);
  });
});
