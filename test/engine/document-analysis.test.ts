import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, changeRange, DocumentAnalysis, loadBuiltinRules, type FileResult } from '../../src/engine';
import { updatedLineStarts } from '../../src/engine/document-analysis';
import { parseSource } from '../../src/engine/parse';
import { ts } from '../../src/engine/ts';

const ROOT = path.resolve(__dirname, '..', '..');
const APP = path.join(ROOT, 'test', 'fixtures', 'sample-app');

/** What must not differ between an incremental and a fresh analysis. */
function summary(r: FileResult): string[] {
  return [
    ...r.findings.map((f) => `${f.ruleId} ${f.range.startOffset}-${f.range.endOffset} ${f.range.startLine}:${f.range.startColumn} ${f.message} fixes=${f.fixes.map((x) => JSON.stringify(x.edits)).join('|')} ${f.suppression ? 'suppressed' : ''}`),
    ...r.notices.map((n) => `notice ${n.code} ${n.line ?? ''}`),
  ];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function allParentsSet(sf: ts.SourceFile): boolean {
  let ok = true;
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      if (child.parent !== node) ok = false;
      visit(child);
    });
  };
  visit(sf);
  return ok;
}

describe('DocumentAnalysis (incremental re-parsing for the editor)', () => {
  const { rules } = loadBuiltinRules();
  const analyzer = new Analyzer({ rules, root: APP });

  it('changeRange trims the common prefix and suffix', () => {
    const r = changeRange('const a = 1;', 'const ab = 1;');
    assert.deepEqual([r.span.start, r.span.length, r.newLength], [7, 0, 1]);
    const d = changeRange('abcabc', 'abc');
    assert.equal(d.span.length - d.newLength, 3);
    const same = changeRange('x', 'x');
    assert.deepEqual([same.span.length, same.newLength], [0, 0]);
  });

  it('updates line starts from the edit as the compiler counts them (and recounts near carriage returns)', () => {
    const lineStarts = (t: string): readonly number[] => ts.createSourceFile('/app/x.ts', t, ts.ScriptTarget.Latest).getLineStarts();
    const rand = rng(7);
    let text = 'const a = 1;\n\nfunction f() {\n  return a;\n}\n';
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(rand() * (text.length + 1));
      const cut = Math.floor(rand() * 4);
      const insert = ['', 'x', '\n', 'a\nb\n', '\n\n', 'yz'][Math.floor(rand() * 6)]!;
      const next = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
      const got = updatedLineStarts(lineStarts(text), text, next, changeRange(text, next));
      assert.deepEqual(got, lineStarts(next), `edit ${i}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
      text = next;
    }
    assert.equal(updatedLineStarts([0, 3], 'ab\r\ncd', 'ab\rx\ncd', changeRange('ab\r\ncd', 'ab\rx\ncd')), undefined);
    // The tree the editor re-parses carries the updated line starts.
    const doc = new DocumentAnalysis('/app/a.ts');
    const first = doc.parse('const a = 1;\nconst b = 2;\n');
    first.getLineStarts();
    const second = doc.parse('const a = 1;\n\nconst b = 2;\n');
    assert.deepEqual(second.getLineStarts(), [0, 13, 14, 27]);
  });

  for (const rel of ['server/auth/tokens.ts', 'server/routes/auth.js', 'client/src/AuthProvider.tsx']) {
    it(`gives the same findings as a fresh parse over 120 single-character edits and line edits (${rel})`, () => {
      const file = path.join(APP, rel);
      let text = fs.readFileSync(file, 'utf8');
      const doc = new DocumentAnalysis(file);
      assert.deepEqual(summary(doc.analyze(analyzer, text)), summary(analyzer.analyzeText(file, text)));
      const rand = rng(rel.length);
      let pos = 0;
      for (let i = 0; i < 120; i++) {
        if (i % 40 === 10) {
          // a whole new risky line, then (10 edits later) gone again
          const at = text.indexOf('\n', Math.floor(rand() * text.length)) + 1;
          text = `${text.slice(0, at)}const leaked = jwt.decode(String(Math.random()));\n${text.slice(at)}`;
        } else if (i % 2 === 0) {
          pos = Math.floor(rand() * text.length);
          text = text.slice(0, pos) + 'ab (;'[Math.floor(rand() * 5)] + text.slice(pos);
        } else {
          text = text.slice(0, pos) + text.slice(pos + 1);
        }
        const incremental = doc.analyze(analyzer, text);
        const fresh = analyzer.analyzeText(file, text);
        assert.deepEqual(summary(incremental), summary(fresh), `edit ${i}`);
      }
    });
  }

  it('re-parses incrementally: unchanged statements are reused, parents are set, the text is the new one', () => {
    const file = path.join(APP, 'server/auth/tokens.ts');
    const text = fs.readFileSync(file, 'utf8');
    const doc = new DocumentAnalysis(file);
    const first = doc.parse(text);
    const firstStatement = first.statements[0];
    const at = text.lastIndexOf('}');
    const edited = `${text.slice(0, at)}  // typed\n${text.slice(at)}`;
    const second = doc.parse(edited);
    assert.equal(second.text, edited);
    assert.equal(second.statements[0], firstStatement, 'the first statement is the same node object');
    assert.ok(allParentsSet(second));
    const fresh = parseSource(file, edited);
    assert.equal(second.statements.length, fresh.statements.length);
    assert.equal(second.getEnd(), fresh.getEnd());
  });

  it('matches again only the statements an edit concerns, and still gives a fresh analysis its findings (1 file of the whole sample app, 160 edits)', () => {
    const sources = ['server/auth/tokens.ts', 'server/routes/auth.js', 'server/auth/passwords.ts', 'client/src/AuthProvider.tsx']
      .map((rel) => path.join(APP, rel))
      .filter((f) => fs.existsSync(f));
    // One large TSX file made of the app's files, so statements are many and names repeat across them.
    const file = path.join(APP, 'client/src/large.tsx');
    let text = sources.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const doc = new DocumentAnalysis(file);
    doc.analyze(analyzer, text);
    const rand = rng(7);
    let pos = 0;
    let partial = 0;
    let edits = 0;
    for (let i = 0; i < 160; i++) {
      if (i % 2 === 0) {
        pos = Math.floor(rand() * text.length);
        text = text.slice(0, pos) + 'ab (;'[Math.floor(rand() * 5)] + text.slice(pos);
      } else {
        text = text.slice(0, pos) + text.slice(pos + 1);
      }
      const incremental = doc.analyze(analyzer, text);
      const stats = doc.lastStats!;
      edits++;
      if (stats.matched < stats.statements / 2) partial++;
      assert.deepEqual(summary(incremental), summary(analyzer.analyzeText(file, text)), `edit ${i}`);
      if (i % 40 === 39) assert.deepEqual(summary(doc.settle(analyzer, text)), summary(analyzer.analyzeText(file, text)), `settle after edit ${i}`);
    }
    assert.ok(partial > edits * 0.6, `only ${partial} of ${edits} edits matched fewer than half the statements`);
  });

  it('follows how names resolve: an edit re-matches where a mentioned name is first declared, not its redeclarations', () => {
    const file = path.join(APP, 'server/routes/deps.ts');
    const route = (n: number): string => `router.get('/r${n}', (req, res) => res.json({ id: req.params.id }));\n`;
    // Ten routers declared (the first binds `router`), then ten routes using it.
    const decls = Array.from({ length: 10 }, () => "const router = express.Router();\n").join('');
    const routes = Array.from({ length: 10 }, (_, i) => route(i)).join('');
    const text = `import express from 'express';\nimport jwt from 'jsonwebtoken';\n${decls}${routes}`;
    const doc = new DocumentAnalysis(file);
    doc.analyze(analyzer, text);
    const statements = doc.lastStats!.statements;
    // Editing one route: the route, its re-parsed neighbours, the first `router` and the `express` import.
    const edited = text.replace("'/r5'", "'/r5x'");
    assert.deepEqual(summary(doc.analyze(analyzer, edited)), summary(analyzer.analyzeText(file, edited)));
    assert.ok(doc.lastStats!.matched <= 6, `matched ${doc.lastStats!.matched} of ${statements}`);
    // Editing a redeclaration binds nothing new: the routes stay as they were.
    const redeclared = edited.replace(/(const router = express\.Router\(\);\n){3}/, (m) => m.replace(/Router\(\);\n$/, 'Router( );\n'));
    doc.analyze(analyzer, redeclared);
    assert.ok(doc.lastStats!.matched <= 6, `matched ${doc.lastStats!.matched} of ${statements} after editing a redeclaration`);
    // Editing the first declaration re-matches every route that uses it.
    const first = redeclared.replace('const router = express.Router();', 'const router = express.Router({});');
    assert.deepEqual(summary(doc.analyze(analyzer, first)), summary(analyzer.analyzeText(file, first)));
    assert.ok(doc.lastStats!.matched >= 11, `matched ${doc.lastStats!.matched}: the routes using the first router must be matched again`);
  });

  it('re-matches everything when a directive of the prologue changes, and drops findings of rules an edit switches off', () => {
    const file = path.join(APP, 'client/src/directive.ts');
    const body = "const token = await login();\nlocalStorage.setItem('token', token);\nexport const x = 1;\n";
    const doc = new DocumentAnalysis(file);
    const withDirective = `'use client';\n${body}`;
    assert.deepEqual(summary(doc.analyze(analyzer, withDirective)), summary(analyzer.analyzeText(file, withDirective)));
    const without = `'use clientx';\n${body}`;
    assert.deepEqual(summary(doc.analyze(analyzer, without)), summary(analyzer.analyzeText(file, without)));
    assert.equal(doc.lastStats!.matched, doc.lastStats!.statements);
    // Renaming the only `localStorage` switches the storage rules' prefilter off: their findings must go.
    const renamed = without.replace('localStorage', 'localStorag');
    const after = doc.analyze(analyzer, renamed);
    assert.deepEqual(summary(after), summary(analyzer.analyzeText(file, renamed)));
  });

  it('gives every built-in rule fixture the findings of a full analysis, and keeps them through an edit at the end', () => {
    const builtin = path.join(ROOT, 'rules', 'builtin');
    const files = fs
      .readdirSync(builtin, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && (e.parentPath.endsWith(`${path.sep}fixtures`) || e.parentPath.includes(`${path.sep}fixtures${path.sep}`)) && /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = new DocumentAnalysis(file);
      assert.deepEqual(summary(doc.analyze(analyzer, text)), summary(analyzer.analyzeText(file, text)), path.relative(ROOT, file));
      const edited = `${text}\nconst trailing = 1;\n`;
      assert.deepEqual(summary(doc.analyze(analyzer, edited)), summary(analyzer.analyzeText(file, edited)), `${path.relative(ROOT, file)} (edited)`);
    }
  });
});
