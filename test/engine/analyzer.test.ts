import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer, loadRulePacks, type LoadedRule } from '../../src/engine';
import { compiledPatternOf } from '../../src/engine/rules/load-rules';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-analyzer-'));
}

/** Writes a one-rule pack and returns its folder. */
function writePack(dir: string, ruleYaml: string, id = 'demo/flag-decode'): string {
  const pack = path.join(dir, 'pack');
  fs.mkdirSync(path.join(pack, id), { recursive: true });
  fs.writeFileSync(path.join(pack, 'pack.yaml'), 'name: demo\nversion: 1.0.0\nschemaVersion: 1\nrules: ["**/rule.yaml"]\n');
  fs.writeFileSync(path.join(pack, id, 'rule.yaml'), ruleYaml);
  fs.writeFileSync(path.join(pack, id, 'docs.md'), '# Demo\n');
  return pack;
}

const RULE = `id: demo/flag-decode
title: Decode
category: token.verify
severity: error
confidence: high
message: "{{call}} decodes without verifying"
cwe: [CWE-347]
asvs: [V9.1.1]
nhi: []
csf: []
match:
  call: { callee: "jsonwebtoken#decode" }
  capture: call
`;

describe('analyzer', () => {
  let dir: string;
  let rules: LoadedRule[];
  beforeEach(() => {
    dir = tempDir();
    const set = loadRulePacks([writePack(dir, RULE)]);
    assert.deepEqual(set.notices, []);
    rules = set.rules;
  });

  it('reports findings as plain data with 1-based ranges and offsets', () => {
    const text = "import jwt from 'jsonwebtoken';\n\nconst c = jwt.decode(t);\n";
    const r = new Analyzer({ rules, root: dir }).analyzeText(path.join(dir, 'a.ts'), text);
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.deepEqual([f.range.startLine, f.range.startColumn, f.range.endLine, f.range.endColumn], [3, 11, 3, 21]);
    assert.equal(text.slice(f.range.startOffset, f.range.endOffset), 'jwt.decode');
    assert.equal(f.message, 'jwt.decode decodes without verifying');
    assert.deepEqual(f.tags.cwe, ['CWE-347']);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(r)));
  });

  it('parses every supported extension and tolerates syntax errors', () => {
    const a = new Analyzer({ rules, root: dir });
    for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']) {
      const r = a.analyzeText(path.join(dir, `f${ext}`), "const jwt = require('jsonwebtoken');\nconst x = ;\njwt.decode(t);\n");
      assert.equal(r.findings.length, 1, ext);
    }
  });

  it('honours justified suppressions and reports unjustified or unknown ones', () => {
    const text = [
      "import jwt from 'jsonwebtoken';",
      '// trustline-ignore-next-line demo/flag-decode -- only reads exp for metrics',
      'jwt.decode(a);',
      '// trustline-ignore-next-line demo/flag-decode',
      'jwt.decode(b);',
      'jwt.decode(c); // trustline-ignore demo/flag-decode -- header only',
      '// trustline-ignore-next-line demo/flag-decode -- expired reason until 2020-01-01',
      'jwt.decode(d);',
      '// trustline-ignore-next-line demo/nope -- typo',
      'jwt.decode(e);',
    ].join('\n');
    const r = new Analyzer({ rules, root: dir, today: '2026-01-01' }).analyzeText(path.join(dir, 'a.ts'), text);
    const byLine = new Map(r.findings.map((f) => [f.range.startLine, f]));
    assert.equal(byLine.get(3)?.suppression?.justification, 'only reads exp for metrics');
    assert.equal(byLine.get(5)?.suppression, undefined);
    assert.equal(byLine.get(6)?.suppression?.justification, 'header only');
    assert.equal(byLine.get(8)?.suppression, undefined);
    assert.match(byLine.get(8)!.message, /expired on 2020-01-01/);
    assert.equal(byLine.get(10)?.suppression, undefined);
    assert.deepEqual(r.notices.map((n) => [n.code, n.line]), [
      ['suppression-without-reason', 4],
      ['suppression-unknown-rule', 9],
    ]);
  });

  it('skips files over the size limit and minified bundles with a notice', () => {
    const big = path.join(dir, 'big.js');
    fs.writeFileSync(big, `// ${'x'.repeat(2000)}\n`);
    const a = new Analyzer({ rules, root: dir, maxFileBytes: 1000 });
    assert.equal(a.analyzeFile(big).skipped, 'file-too-large');
    const min = a.analyzeText(path.join(dir, 'bundle.js'), `var a=1;${'jwt.decode(t);'.repeat(1000)}`);
    assert.equal(min.skipped, 'minified');
    assert.equal(min.notices[0]?.code, 'minified');
    assert.equal(a.analyzeFile(path.join(dir, 'missing.ts')).skipped, 'unreadable');
  });

  it('reports a crashing rule once per file, disables it there, and goes on', () => {
    const compiled = compiledPatternOf(rules[0]!);
    const original = compiled.test;
    compiled.test = () => {
      throw new Error('boom');
    };
    try {
      const a = new Analyzer({ rules, root: dir });
      const r = a.analyzeText(path.join(dir, 'a.ts'), "import jwt from 'jsonwebtoken';\njwt.decode(a);\njwt.decode(b);\n");
      assert.deepEqual(r.findings, []);
      assert.equal(r.notices.filter((n) => n.code === 'rule-crashed').length, 1);
      assert.match(r.notices[0]!.message, /demo\/flag-decode.*boom/);
    } finally {
      compiled.test = original;
    }
  });

  it('applies severity overrides and turns rules off', () => {
    const text = "import jwt from 'jsonwebtoken';\njwt.decode(a);\n";
    const file = path.join(dir, 'a.ts');
    assert.equal(new Analyzer({ rules, root: dir, severity: { 'demo/flag-decode': 'info' } }).analyzeText(file, text).findings[0]?.severity, 'info');
    assert.equal(new Analyzer({ rules, root: dir, severity: { 'demo/flag-decode': 'off' } }).analyzeText(file, text).findings.length, 0);
  });
});

describe('rule pack loading errors', () => {
  it('names the file, line and JSON pointer of an invalid rule and still loads the valid ones', () => {
    const dir = tempDir();
    const pack = writePack(dir, RULE);
    fs.mkdirSync(path.join(pack, 'demo', 'broken'), { recursive: true });
    fs.writeFileSync(
      path.join(pack, 'demo', 'broken', 'rule.yaml'),
      RULE.replace('id: demo/flag-decode', 'id: demo/broken').replace('severity: error', 'severity: fatal').replace('  capture: call\n', '  capture: call\n  colour: red\n'),
    );
    const set = loadRulePacks([pack]);
    assert.deepEqual(set.rules.map((r) => r.id), ['demo/flag-decode']);
    const messages = set.notices.map((n) => `${n.pointer} ${n.line} ${n.message}`);
    assert.ok(messages.some((m) => m.startsWith('/severity 4 ') && m.includes('must be one of "error", "warning", "info"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('/match/colour ') && m.includes('unknown key "colour"')), messages.join('\n'));
  });

  it('rejects a rule whose id does not match its folder, and bad regular expressions', () => {
    const dir = tempDir();
    const pack = writePack(dir, RULE.replace('id: demo/flag-decode', 'id: demo/other-name'));
    const set = loadRulePacks([pack]);
    assert.equal(set.rules.length, 0);
    assert.match(set.notices[0]!.message, /must equal its folder path "demo\/flag-decode"/);
    const dir2 = tempDir();
    const set2 = loadRulePacks([writePack(dir2, RULE.replace('  capture: call\n', '  capture: call\n  name: "([a-z"\n'))]);
    assert.equal(set2.rules.length, 0);
    assert.equal(set2.notices[0]!.pointer, '/match/name');
  });

  it('reports a missing pack and a YAML syntax error with its line', () => {
    const dir = tempDir();
    const set = loadRulePacks([path.join(dir, 'nope')]);
    assert.equal(set.notices[0]!.code, 'invalid-pack');
    const pack = writePack(dir, 'id: [unclosed\n');
    const set2 = loadRulePacks([pack]);
    assert.equal(set2.rules.length, 0);
    assert.equal(set2.notices[0]!.line, 2);
  });
});
