import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { JsonRegister } from '../../src/cli/suppressions/render-register';
import { createInfoPack } from './helpers/auth-app';
import { ensureBuilt, runTrustline } from './helpers/cli-process';
import { AUTHOR, createGitWorkspace, HERMETIC_GIT_ENV } from './helpers/git-repo';
import { createWorkspace, type Workspace } from './helpers/workspace';

const DECODE = 'jwt/decode-used-for-trust';
const decodeLine = (name: string): string => `export const ${name} = (t: string) => jwt.decode(t) as { role?: string };`;

/** A file with one suppression of each status, on known lines. */
const PEEK = [
  "import jwt from 'jsonwebtoken';",
  `// trustline-ignore-next-line ${DECODE} -- reads the kid only, "never" trusts claims, see SEC-12`, // 2 active
  decodeLine('a'),
  `// trustline-ignore-next-line ${DECODE} -- legacy bridge until 2020-01-31`, // 4 expired
  decodeLine('b'),
  `// trustline-ignore-next-line jwt/decode-used-for-trsut -- typo in the id`, // 6 unknown-rule
  decodeLine('c'),
  `// trustline-ignore-next-line ${DECODE} -- the decode moved away`, // 8 unused
  'export const d = 1;',
  `${decodeLine('e')} // trustline-ignore ${DECODE}`, // 10 no-reason
  `// trustline-ignore-next-line ${DECODE} -- =HYPERLINK("http://evil") until 2999-12-31`, // 11 active
  decodeLine('f'),
  '',
].join('\n');

/** [line, rule, status] of the PEEK comments, in register order. */
const EXPECTED = [
  [2, DECODE, 'active'],
  [4, DECODE, 'expired'],
  [6, 'jwt/decode-used-for-trsut', 'unknown-rule'],
  [8, DECODE, 'unused'],
  [10, DECODE, 'no-reason'],
  [11, DECODE, 'active'],
];

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('trustline suppressions (built CLI)', () => {
  const cleanup: Workspace[] = [];
  const track = <T extends Workspace>(ws: T): T => (cleanup.push(ws), ws);
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));
  const run = (args: string[], cwd: string) => runTrustline(['suppressions', ...args], { cwd, env: HERMETIC_GIT_ENV });

  it('lists every suppression with status, reason, expiry and git author/date (JSON)', () => {
    const ws = track(createGitWorkspace({ 'src/peek.ts': PEEK, 'src/clean.ts': 'export const ok = 1;\n', 'ignored/skip.ts': PEEK, '.gitignore': 'ignored/\n' }));
    const sha = ws.commit('peek');
    ws.write('src/late.ts', `import jwt from 'jsonwebtoken';\n// trustline-ignore-next-line ${DECODE} -- added after the commit\n${decodeLine('g')}\n`);
    const result = run(['--format', 'json'], ws.dir);
    assert.equal(result.status, 0, result.stderr);
    const register = JSON.parse(result.stdout) as JsonRegister;
    assert.equal(register.version, 1);
    assert.equal(register.root, ws.dir);
    const peek = register.suppressions.filter((s) => s.file === 'src/peek.ts');
    assert.deepEqual(peek.map((s) => [s.line, s.ruleId, s.status]), EXPECTED);
    assert.ok(!register.suppressions.some((s) => s.file.startsWith('ignored/')), 'discovery honours .gitignore as audit does');
    for (const s of peek) {
      assert.deepEqual([s.author, s.email, s.date, s.commit, s.authorship], [AUTHOR.name, AUTHOR.email, '2024-03-05', sha, 'git'], `line ${s.line}`);
    }
    const [active, expired, unknown, unused] = peek;
    assert.equal(active.reason, 'reads the kid only, "never" trusts claims, see SEC-12');
    assert.equal(active.findings, 1);
    assert.deepEqual([expired.until, expired.expired, expired.findings], ['2020-01-31', true, 1]);
    assert.equal(unknown.note, `did you mean ${DECODE}?`);
    assert.equal(unused.findings, 0);
    const late = register.suppressions.find((s) => s.file === 'src/late.ts');
    assert.deepEqual([late?.status, late?.authorship, late?.author], ['active', 'uncommitted', null]);
    assert.deepEqual(register.summary, { suppressions: 7, files: 2, active: 3, unused: 1, expired: 1, invalid: 2 });
    assert.deepEqual(Object.keys(late ?? {}), Object.keys(active), 'every entry has the same keys');
    assert.match(result.stderr, /suppression names unknown rule "jwt\/decode-used-for-trsut" \(did you mean "jwt\/decode-used-for-trust"\?\)/);
    assert.match(result.stderr, /has no reason and is ignored/);
  });

  it('prints an aligned table with a summary, and CSV that quotes and defuses formulas', () => {
    const ws = track(createGitWorkspace({ 'src/peek.ts': PEEK }));
    ws.commit('peek');
    const table = run([], ws.dir);
    assert.equal(table.status, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^LOCATION +RULE +STATUS +UNTIL +AUTHOR +DATE +REASON$/);
    const statusColumn = lines[0].indexOf('STATUS');
    const rows = lines.slice(1, 7);
    assert.deepEqual(rows.map((r) => r.slice(statusColumn).split(/\s+/)[0]), EXPECTED.map((e) => e[2]));
    assert.ok(rows.every((r) => r.indexOf(AUTHOR.name) === lines[0].indexOf('AUTHOR')), 'columns are aligned');
    assert.match(rows[4], /\(no reason\)$/);
    assert.equal(lines.at(-1), '6 suppressions in 1 file: 2 active, 1 unused, 1 expired, 2 invalid.');

    const csv = run(['--format', 'csv', '--output', 'out/register.csv'], ws.dir);
    assert.equal(csv.status, 0, csv.stderr);
    const text = readFileSync(ws.path('out/register.csv'), 'utf8');
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
    const parsed = parseCsv(text);
    assert.deepEqual(parsed[0], ['file', 'line', 'rule', 'status', 'reason', 'until', 'expired', 'findings', 'author', 'email', 'date', 'commit', 'note']);
    assert.equal(parsed.length, 7);
    assert.deepEqual(parsed[1].slice(0, 5), ['src/peek.ts', '2', DECODE, 'active', 'reads the kid only, "never" trusts claims, see SEC-12']);
    assert.equal(parsed[6][4], `'=HYPERLINK("http://evil")`, 'a formula-like reason is defused');
    assert.equal(parsed[6][5], '2999-12-31');
    assert.deepEqual(parsed[1].slice(8, 11), [AUTHOR.name, AUTHOR.email, '2024-03-05']);
  });

  it('works outside git (no authors, one note) and exits 1 with --strict when a suppression needs attention', () => {
    const ws = track(createWorkspace({ 'src/peek.ts': PEEK }));
    const result = run(['--format', 'json'], ws.dir);
    assert.equal(result.status, 0, result.stderr);
    const register = JSON.parse(result.stdout) as JsonRegister;
    assert.deepEqual(register.suppressions.map((s) => [s.line, s.status, s.author, s.authorship]), EXPECTED.map(([line, , status]) => [line, status, null, 'unavailable']));
    assert.equal(result.stderr.match(/authors and dates are left out: not a git repository/g)?.length, 1);
    assert.equal(run(['--strict', '-q'], ws.dir).status, 1);
    const clean = track(createWorkspace({ 'a.ts': `import jwt from 'jsonwebtoken';\n// trustline-ignore-next-line ${DECODE} -- kid only\n${decodeLine('a')}\n` }));
    const strict = run(['--strict', '--no-blame'], clean.dir);
    assert.equal(strict.status, 0, strict.stdout + strict.stderr);
    assert.doesNotMatch(strict.stderr, /authors and dates/);
    assert.equal(run(['--format', 'xml'], clean.dir).status, 2);
  });

  it('knows the rules of packs the team policy extends, and skips files the policy ignores', () => {
    const pack = track(createInfoPack());
    const ws = track(
      createWorkspace({
        '.trustline.yaml': `extends:\n  - ${JSON.stringify(pack.dir)}\nignore:\n  - "generated/**"\n`,
        'src/a.ts': `import jwt from 'jsonwebtoken';\n// trustline-ignore-next-line acme/decode-anywhere, ${DECODE} -- kid only\n${decodeLine('a')}\n`,
        'generated/b.ts': `// trustline-ignore-next-line ${DECODE} -- generated\nexport const b = 1;\n`,
      }),
    );
    const result = run(['--format', 'json', '--no-blame'], ws.dir);
    assert.equal(result.status, 0, result.stderr);
    const register = JSON.parse(result.stdout) as JsonRegister;
    assert.deepEqual(register.suppressions.map((s) => [s.file, s.ruleId, s.status]), [
      ['src/a.ts', 'acme/decode-anywhere', 'active'],
      ['src/a.ts', DECODE, 'active'],
    ]);
    const withoutPolicy = JSON.parse(run(['--format', 'json', '--no-blame', '--no-policy', '-q'], ws.dir).stdout) as JsonRegister;
    assert.equal(withoutPolicy.suppressions.find((s) => s.ruleId === 'acme/decode-anywhere')?.status, 'unknown-rule');
  });
});
