import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/reporters/json';
import type { SarifLog } from '../../src/cli/reporters/sarif-types';
import { ensureBuilt, runTrustline } from './helpers/cli-process';
import { createGitWorkspace, HERMETIC_GIT_ENV, type GitWorkspace } from './helpers/git-repo';
import { MULTITOOL, runMultitool, schemaErrors } from './helpers/sarif-validators';
import { createWorkspace, type Workspace } from './helpers/workspace';

const decodeLine = (name: string): string => `export const ${name} = (t: string) => jwt.decode(t) as { role?: string };`;
/** Two findings, on lines 3 and 5. */
const TOKENS = ["import jwt from 'jsonwebtoken';", '', decodeLine('a'), '', decodeLine('b'), ''].join('\n');

describe('trustline audit --changed-since (built CLI, scratch git repositories)', () => {
  const cleanup: Workspace[] = [];
  const track = <T extends Workspace>(ws: T): T => (cleanup.push(ws), ws);
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));
  const audit = (ws: Workspace, args: string[]) => runTrustline(['audit', ...args], { cwd: ws.dir, env: HERMETIC_GIT_ENV });
  const json = (ws: Workspace, args: string[]) => {
    const run = audit(ws, [...args, '--format', 'json']);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return JSON.parse(run.stdout) as JsonReport;
  };
  const where = (report: JsonReport) => report.findings.map((f) => `${f.file}:${f.range.startLine}`);

  function repo(): GitWorkspace {
    const ws = track(createGitWorkspace({ 'src/tokens.ts': TOKENS, 'src/other.ts': TOKENS }));
    ws.commit('start');
    return ws;
  }

  it('reports nothing when nothing changed since the ref', () => {
    const ws = repo();
    const run = audit(ws, ['--changed-since', 'HEAD']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, 'No new findings in 0 files.\n');
  });

  it('reports only the finding on an edited line, staged or not, and exits 1 for it', () => {
    const ws = repo();
    ws.write('src/tokens.ts', TOKENS.replace(decodeLine('b'), decodeLine('b').replace('(t: string)', '(token: string)').replace('decode(t)', 'decode(token)')));
    const run = audit(ws, ['--changed-since', 'HEAD']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^1 new finding \(1 error, 0 warnings, 0 info\) in 1 of 1 file \(1 on lines unchanged since HEAD\)\.$/m);
    assert.deepEqual(where(json(ws, ['--changed-since', 'HEAD'])), ['src/tokens.ts:5']);
    ws.git('add', 'src/tokens.ts');
    assert.deepEqual(where(json(ws, ['--changed-since', 'HEAD'])), ['src/tokens.ts:5'], 'staged changes count too');
    ws.commit('edit b', '2024-04-01T10:00:00+0000');
    assert.deepEqual(where(json(ws, ['--changed-since', 'HEAD'])), []);
    assert.deepEqual(where(json(ws, ['--changed-since', 'HEAD~1'])), ['src/tokens.ts:5'], 'committed changes since an older ref');
  });

  it('counts a finding whose statement lost lines as changed, and ignores pure line shifts', () => {
    const multi = ["import jwt from 'jsonwebtoken';", 'export const v = (t: string, k: string) =>', '  jwt.verify(t, k, {', "    algorithms: ['RS256'],", '    ignoreExpiration: false,', '  });', ''].join('\n');
    const ws = track(createGitWorkspace({ 'src/verify.ts': multi, 'src/tokens.ts': TOKENS }));
    ws.commit('start');
    ws.write('src/tokens.ts', `// header\n// more\n${TOKENS}`);
    const report = json(ws, ['--changed-since', 'HEAD']);
    assert.deepEqual(where(report), [], 'moved findings are not new');
    assert.equal(report.summary.onUnchangedLines, 2);
  });

  it('treats untracked files as wholly changed and follows renames', () => {
    const ws = repo();
    ws.write('src/fresh.ts', TOKENS);
    ws.git('mv', 'src/other.ts', 'src/renamed.ts');
    const report = json(ws, ['--changed-since', 'HEAD']);
    assert.deepEqual(where(report), ['src/fresh.ts:3', 'src/fresh.ts:5']);
    assert.deepEqual(report.changedSince?.ref, 'HEAD');
    assert.match(report.changedSince?.commit ?? '', /^[0-9a-f]{40}$/);
  });

  it('combines with --baseline: new = on changed lines and not in the baseline', () => {
    const ws = repo();
    ws.write('src/tokens.ts', TOKENS.replace(decodeLine('b'), `${decodeLine('b')} // reviewed`));
    assert.equal(runTrustline(['baseline', '-q'], { cwd: ws.dir }).status, 0);
    ws.write('src/tokens.ts', `${TOKENS.replace(decodeLine('b'), `${decodeLine('b')} // reviewed`)}${decodeLine('c')}\n`);
    const run = audit(ws, ['--changed-since', 'HEAD', '--baseline', 'trustline-baseline.json']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^src\/tokens\.ts\n {2}src\/tokens\.ts:6:/m);
    assert.match(run.stdout, /\(1 in baseline, 1 on lines unchanged since HEAD\)\.$/m);

    const out = ws.path('changed.sarif');
    audit(ws, ['--changed-since', 'HEAD', '--baseline', 'trustline-baseline.json', '--format', 'sarif', '--output', out]);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    assert.deepEqual(
      log.runs[0].results.map((r) => [r.locations[0].physicalLocation.region?.startLine, r.baselineState]),
      [[3, 'unchanged'], [5, 'unchanged'], [6, 'new']],
    );
    assert.deepEqual(schemaErrors(log), []);
    if (existsSync(MULTITOOL)) {
      const report = runMultitool(out, ws.dir);
      assert.equal(report.status, 0, report.console);
      assert.deepEqual(report.issues.filter((i) => i.level === 'error' || i.level === 'warning'), [], report.console);
    }
  });

  it('says what is wrong when the folder is not a repository or the ref is unknown (exit 2)', () => {
    const plain = track(createWorkspace({ 'a.ts': TOKENS }));
    const outside = audit(plain, ['--changed-since', 'main']);
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /^trustline: --changed-since main: .* is not inside a git repository \(expected the audited folder to be in a git work tree\)$/m);
    const ws = repo();
    const unknown = audit(ws, ['--changed-since', 'no-such-branch']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^trustline: --changed-since no-such-branch: unknown git revision "no-such-branch" in .* \(expected a branch, tag or commit, e\.g\. origin\/main or HEAD~1/m);
    const dashed = audit(ws, ['--changed-since=--output=x']);
    assert.equal(dashed.status, 2);
    assert.match(dashed.stderr, /not a git revision/);
    for (const run of [outside, unknown, dashed]) assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });
});

