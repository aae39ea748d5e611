import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleListEntry } from '../../src/cli/commands/rules';
import { editDistance, suggestClosest } from '../../src/cli/edit-distance';
import { parseByteSize } from '../../src/cli/parse-size';
import { createInfoPack } from './helpers/auth-app';
import { ensureBuilt, REPO_ROOT, runTrustline } from './helpers/cli-process';
import type { Workspace } from './helpers/workspace';

const DECODE_RULE = 'jwt/decode-used-for-trust';

describe('trustline rules / explain / help (built CLI)', () => {
  const cleanup: Workspace[] = [];
  before(() => ensureBuilt());
  after(() => cleanup.forEach((ws) => ws.remove()));

  it('rules --format json lists {id, category, severity, confidence, title}, sorted', () => {
    const run = runTrustline(['rules', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const rules = JSON.parse(run.stdout) as RuleListEntry[];
    assert.ok(rules.length >= 1);
    for (const rule of rules) assert.deepEqual(Object.keys(rule), ['id', 'category', 'severity', 'confidence', 'title']);
    const decode = rules.find((r) => r.id === DECODE_RULE);
    assert.deepEqual(decode && { category: decode.category, severity: decode.severity }, { category: 'token.verify', severity: 'error' });
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort());
  });

  it('rules prints a table and includes packs given with --rules', () => {
    const pack = createInfoPack();
    cleanup.push(pack);
    const run = runTrustline(['rules', '--rules', pack.dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ID\s+SEVERITY\s+CONFIDENCE\s+CATEGORY\s+TITLE$/m);
    assert.match(run.stdout, /^jwt\/decode-used-for-trust\s+error\s+high\s+token\.verify\s+JWT decoded without verification$/m);
    assert.match(run.stdout, /^acme\/decode-anywhere\s+info\s+low\s+token\.verify\s+jwt\.decode call$/m);
    assert.match(run.stdout, /^\d+ rules$/m);
  });

  it('explain prints metadata and the docs markdown of a known rule', () => {
    const run = runTrustline(['explain', DECODE_RULE]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^jwt\/decode-used-for-trust: JWT decoded without verification$/m);
    assert.match(run.stdout, /^ {2}category {4}token\.verify$/m);
    assert.match(run.stdout, /^ {2}severity {4}error$/m);
    assert.match(run.stdout, /^ {2}CWE {9}CWE-345, CWE-347$/m);
    assert.match(run.stdout, /^ {2}ASVS {8}\S+/m);
    assert.match(run.stdout, /^ {2}NHI {9}\S+/m);
    assert.match(run.stdout, /^ {2}CSF {9}PR\.AA-03$/m);
    const docs = readFileSync(path.join(REPO_ROOT, 'rules', 'builtin', DECODE_RULE, 'docs.md'), 'utf8').trim();
    assert.ok(run.stdout.includes(docs), 'prints the docs markdown verbatim');
    assert.doesNotMatch(run.stdout, /\{\{/, 'message placeholders are not shown raw');
  });

  it('explain of an unknown id exits 2 with a did-you-mean suggestion', () => {
    const run = runTrustline(['explain', 'jwt/decode-used-for-trsut']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^trustline: unknown rule id "jwt\/decode-used-for-trsut"; did you mean "jwt\/decode-used-for-trust"\?$/m);
    const bare = runTrustline(['explain', 'decode-used-for-trust']);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /did you mean "jwt\/decode-used-for-trust"\?/);
    const none = runTrustline(['explain', 'zzzzzzzzzzzzzzzzzzzzzz']);
    assert.match(none.stderr, /^trustline: unknown rule id "zzzzzzzzzzzzzzzzzzzzzz"\nRun "trustline rules" to list rule ids\.\n$/);
    const missing = runTrustline(['explain']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /takes exactly one rule id, got 0/);
  });

  it('--version prints the package version; --help prints usage', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(runTrustline(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
    const help = runTrustline(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /trustline audit \[paths\.\.\.\]/);
    const auditHelp = runTrustline(['audit', '--help']);
    assert.equal(auditHelp.status, 0);
    assert.match(auditHelp.stdout, /--severity <level>/);
    assert.match(runTrustline(['help', 'explain']).stdout, /Usage: trustline explain <rule-id>/);
  });
});

describe('cli helpers', () => {
  it('edit distance and suggestions', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(suggestClosest('jwt/none-algoritm', ['jwt/none-algorithm', 'jwt/ignore-expiration']), 'jwt/none-algorithm');
    assert.equal(suggestClosest('password', ['jwt/none-algorithm']), undefined);
  });

  it('byte sizes', () => {
    assert.equal(parseByteSize('--max-file-size', '1000'), 1000);
    assert.equal(parseByteSize('--max-file-size', '512k'), 512 * 1024);
    assert.equal(parseByteSize('--max-file-size', '2MB'), 2 * 1024 * 1024);
    assert.throws(() => parseByteSize('--max-file-size', '0'), /greater than 0/);
    assert.throws(() => parseByteSize('--max-file-size', '1.5m'), /not a size/);
  });
});
