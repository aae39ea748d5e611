import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/reporters/json';
import { createAuthApp, createInfoPack, DECODE_LINE, PLANTED_SECRET, REQUIRE_ROLE } from './helpers/auth-app';
import { CLI, ensureBuilt, runTrustline } from './helpers/cli-process';
import { createWorkspace, type Workspace } from './helpers/workspace';

const ESC = '\u001b[';
const DECODE_RULE = 'jwt/decode-used-for-trust';
const DECODE_FILE = 'src/middleware/require-role.ts';

function parseJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('trustline audit (built CLI)', () => {
  const cleanup: Workspace[] = [];
  const track = (ws: Workspace): Workspace => (cleanup.push(ws), ws);
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));

  describe('exit codes', () => {
    it('exits 1 and reports the finding with a relative path in text', () => {
      const ws = track(createWorkspace({ [DECODE_FILE]: REQUIRE_ROLE }));
      const run = runTrustline(['audit', ws.dir]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, new RegExp(`^${DECODE_FILE}\n  ${DECODE_FILE}:${DECODE_LINE}:20  error {4}.*\\[${DECODE_RULE}\\]$`, 'm'));
      assert.match(run.stdout, /^ {6}\| const claims = jwt\.decode\(token\)/m);
      const summary = /^(\d+) findings? \((\d+) errors?, (\d+) warnings?, (\d+) info\) in (\d+) of (\d+) files?\.$/m.exec(run.stdout);
      assert.ok(summary, run.stdout);
      const json = parseJson(runTrustline(['audit', ws.dir, '--format', 'json']).stdout).summary;
      assert.deepEqual(summary.slice(1).map(Number), [json.total, json.error, json.warning, json.info, json.filesWithFindings, json.files]);
      assert.equal(json.files, 1);
      assert.ok(!run.stdout.includes(ws.dir), 'paths are relative to the audit root');
      assert.ok(!run.stdout.includes(ESC), 'no colors when stdout is not a terminal');
      assert.ok(!/\d+\/\d+ files/.test(run.stderr), 'no progress line when stderr is not a terminal');
    });

    it('exits 0 on a clean workspace and defaults to the current folder', () => {
      const ws = track(createWorkspace({ 'src/verify.ts': "import jwt from 'jsonwebtoken';\nexport const v = (t: string, k: string) => jwt.verify(t, k, { algorithms: ['RS256'] });\n" }));
      const run = runTrustline(['audit'], { cwd: ws.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'No findings in 1 file.\n');
    });

    it('exits 0 with --no-exit-code even with findings', () => {
      const ws = track(createAuthApp());
      const run = runTrustline(['audit', ws.dir, '--no-exit-code']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /\[jwt\/decode-used-for-trust\]/);
      assert.match(run.stdout, /^\d+ findings? \(/m);
    });

    it('exits 0 when the only finding is suppressed with a justification, and counts it', () => {
      const ws = track(
        createWorkspace({
          'src/peek.ts': `import jwt from 'jsonwebtoken';\nexport function peek(token: string) {\n  // trustline-ignore-next-line ${DECODE_RULE} -- only logs the kid for debugging\n  return jwt.decode(token);\n}\n`,
        }),
      );
      const run = runTrustline(['audit', ws.dir]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, 'No findings in 1 file (1 suppressed).\n');
    });

    const usageCases: [string, string[], RegExp][] = [
      ['an unknown option', ['audit', '--formt', 'json'], /^trustline: unknown option --formt for "trustline audit" \(expected one of .*\); did you mean --format\?$/m],
      ['an invalid format', ['audit', '--format', 'xml'], /^trustline: --format "xml" is not valid \(expected text, json, sarif\)/m],
      ['an invalid severity', ['audit', '--severity', 'high'], /^trustline: --severity "high" is not valid \(expected error, warning, info\)/m],
      ['a missing path', ['audit', 'does-not-exist'], /^trustline: path not found: does-not-exist \(expected an existing file or folder to audit\)$/m],
      ['a missing rule pack', ['audit', '--rules', 'no-such-pack'], /^trustline: --rules path not found: no-such-pack/m],
      ['a bad size', ['audit', '--max-file-size', 'lots'], /^trustline: --max-file-size "lots" is not a size/m],
      ['a missing option value', ['audit', '--output'], /^trustline: option --output of "trustline audit" needs a value/m],
      ['an unknown command', ['audti'], /^trustline: unknown command "audti" \(expected one of audit, rules, explain, [a-z, ]+\); did you mean "audit"\?$/m],
    ];
    for (const [what, args, message] of usageCases) {
      it(`exits 2 with a one-line message for ${what}`, () => {
        const ws = track(createAuthApp());
        const run = runTrustline(args, { cwd: ws.dir });
        assert.equal(run.status, 2, run.stdout + run.stderr);
        assert.match(run.stderr, message);
        assert.equal(run.stdout, '');
      });
    }

    it('exits 2 without a command and prints usage', () => {
      const run = runTrustline([]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Usage:/);
    });
  });

  describe('formats and options', () => {
    it('--format json has the documented shape', () => {
      const ws = track(createAuthApp());
      const run = runTrustline(['audit', ws.dir, '--format', 'json']);
      assert.equal(run.status, 1, run.stderr);
      const report = parseJson(run.stdout);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'trustline');
      assert.equal(report.root, ws.dir);
      assert.equal(report.threshold, 'info');
      const finding = report.findings.find((f) => f.ruleId === DECODE_RULE);
      assert.ok(finding, JSON.stringify(report.findings));
      assert.equal(finding.file, DECODE_FILE);
      assert.equal(finding.range.startLine, DECODE_LINE);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.category, 'token.verify');
      assert.equal(finding.suppressed, false);
      assert.match(finding.fingerprint, /^[0-9a-f]{32}:1$/);
      assert.ok(finding.tags.cwe.includes('CWE-347'));
      assert.deepEqual(Object.keys(report.summary), ['error', 'warning', 'info', 'total', 'suppressed', 'files', 'filesWithFindings', 'skippedFiles']);
      assert.ok(report.summary.error >= 1);
      assert.equal(report.summary.files, 3);
      assert.ok(report.findings.every((f) => !f.file.startsWith('/') && !f.file.includes('\\')), 'relative paths');
      assert.ok(Array.isArray(report.notices));
    });

    it('--output writes the report to a file (creating folders) and nothing to stdout', () => {
      const ws = track(createAuthApp());
      const out = ws.path('reports/nested/trustline.json');
      const run = runTrustline(['audit', ws.dir, '--format', 'json', '--output', out]);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stdout, '');
      assert.ok(existsSync(out));
      assert.ok(parseJson(readFileSync(out, 'utf8')).summary.error >= 1);
    });

    it('respects .gitignore (nested too) and always skips node_modules and build output', () => {
      const decodeFile = "import jwt from 'jsonwebtoken';\nexport const peek = (t: string) => jwt.decode(t);\n";
      const ws = track(
        createWorkspace({
          '.gitignore': 'generated/\n',
          'src/ok.ts': 'export const ok = true;\n',
          'generated/client.ts': decodeFile,
          'packages/api/.gitignore': 'scratch-*.ts\n',
          'packages/api/scratch-decode.ts': decodeFile,
          'packages/api/index.ts': 'export {};\n',
          'node_modules/jsonwebtoken/decode.js': "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.decode(t);\n",
          'dist/server.js': "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.decode(t);\n",
          'public/vendor.min.js': "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.decode(t);\n",
        }),
      );
      const run = runTrustline(['audit', '--format', 'json'], { cwd: ws.dir });
      assert.equal(run.status, 0, run.stdout);
      const report = parseJson(run.stdout);
      assert.equal(report.summary.files, 2);
      assert.deepEqual(report.findings, []);
      // Sanity check: the ignored file is flagged when named explicitly.
      const direct = runTrustline(['audit', 'packages/api/scratch-decode.ts', '--format', 'json'], { cwd: ws.dir });
      assert.equal(direct.status, 1, direct.stdout);
    });

    it('--severity sets the reporting and exit-code threshold; --rules loads extra packs', () => {
      const ws = track(createWorkspace({ 'src/header.ts': "import jwt from 'jsonwebtoken';\nexport const kid = (t: string) => jwt.decode(t, { complete: true });\n" }));
      const pack = track(createInfoPack());
      const info = runTrustline(['audit', ws.dir, '--rules', pack.dir, '--format', 'json']);
      assert.equal(info.status, 1, info.stderr);
      const report = parseJson(info.stdout);
      assert.deepEqual(report.findings.map((f) => [f.ruleId, f.severity]), [['acme/decode-anywhere', 'info']]);
      const warning = runTrustline(['audit', ws.dir, '--rules', pack.dir, '--severity', 'warning', '--format', 'json']);
      assert.equal(warning.status, 0, warning.stderr);
      assert.deepEqual(parseJson(warning.stdout).findings, []);
      assert.equal(parseJson(warning.stdout).threshold, 'warning');
      const text = runTrustline(['audit', ws.dir, '--rules', pack.dir, '-s', 'error']);
      assert.equal(text.status, 0);
      assert.doesNotMatch(text.stdout, /acme\/decode-anywhere/);
    });

    it('reports an invalid rule in a pack once and still runs the valid ones', () => {
      const ws = track(createAuthApp());
      const pack = track(createInfoPack(true));
      const run = runTrustline(['audit', ws.dir, '--rules', pack.dir]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /acme\/decode-anywhere/);
      const lines = run.stderr.split('\n').filter((l) => l.includes('acme/broken/rule.yaml'));
      assert.ok(lines.length >= 1, run.stderr);
      assert.ok(lines.every((l) => l.startsWith('trustline error (invalid-rule)')), run.stderr);
      assert.equal(new Set(lines).size, lines.length, 'each notice once');
      const json = parseJson(runTrustline(['audit', ws.dir, '--rules', pack.dir, '--format', 'json']).stdout);
      assert.ok(json.notices.some((n) => n.code === 'invalid-rule' && n.level === 'error'));
    });

    it('a file that does not parse, or is too large, does not stop the run', () => {
      const ws = track(
        createAuthApp({
          'src/broken.ts': 'export function (( {\n  const = ;\n  }}} <div>\n',
          'src/huge.js': `// generated\n${'export const filler = 1;\n'.repeat(5000)}`,
        }),
      );
      const run = runTrustline(['audit', ws.dir, '--max-file-size', '64k', '--format', 'json']);
      assert.equal(run.status, 1, run.stderr);
      const report = parseJson(run.stdout);
      assert.ok(report.findings.some((f) => f.ruleId === DECODE_RULE));
      assert.ok(report.notices.some((n) => n.code === 'file-too-large' && n.file === 'src/huge.js'), JSON.stringify(report.notices));
      assert.equal(report.summary.skippedFiles, 1);
      const text = runTrustline(['audit', ws.dir, '--max-file-size', '64k']);
      assert.match(text.stderr, /^trustline info \(file-too-large\) skipped src\/huge\.js: /m);
      assert.ok(!text.stderr.includes(ws.dir), text.stderr);
      const quiet = runTrustline(['audit', ws.dir, '--max-file-size', '64k', '--quiet']);
      assert.equal(quiet.stderr, '');
    });

    it('never prints the planted secret in text, json or sarif', () => {
      const ws = track(createAuthApp());
      for (const format of ['text', 'json', 'sarif']) {
        const run = runTrustline(['audit', ws.dir, '--format', format]);
        assert.equal(run.status, 1, run.stderr);
        assert.ok(!run.stdout.includes(PLANTED_SECRET), `${format} output leaks the secret`);
        assert.ok(!run.stderr.includes(PLANTED_SECRET), `${format} stderr leaks the secret`);
      }
      const json = parseJson(runTrustline(['audit', ws.dir, '--format', 'json']).stdout);
      const decode = json.findings.find((f) => f.ruleId === DECODE_RULE);
      assert.match(decode?.snippet ?? '', /jwt\.decode\(token\).*<redacted/);
    });
  });

  describe('colors', () => {
    it('colors with FORCE_COLOR and never with NO_COLOR', () => {
      const ws = track(createAuthApp());
      assert.ok(runTrustline(['audit', ws.dir], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
      const noColor = runTrustline(['audit', ws.dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      assert.equal(noColor.status, 1);
      assert.ok(!noColor.stdout.includes(ESC));
      assert.ok(!noColor.stderr.includes(ESC));
    });

    it('colors on a real terminal unless NO_COLOR is set, and draws progress on stderr', function () {
      if (process.platform !== 'linux' || !existsSync('/usr/bin/script')) this.skip();
      const ws = track(createAuthApp());
      const command = (prefix: string) => `${prefix} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} audit ${JSON.stringify(ws.dir)}`;
      const tty = runInPty(command('env -u NO_COLOR -u FORCE_COLOR'));
      assert.ok(tty.includes(`${ESC}31m`), JSON.stringify(tty));
      assert.match(tty, /trustline: 3\/3 files/);
      const plain = runInPty(command('env -u FORCE_COLOR NO_COLOR=1'));
      assert.ok(!plain.includes(`${ESC}31m`), JSON.stringify(plain));
      assert.match(plain, /\d+ findings? \(\d+ errors?, /);
    });
  });
});

/** Runs a shell command under `script` so stdout and stderr are a pseudo-terminal; returns the transcript. */
function runInPty(command: string): string {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  return result.stdout;
}
