#!/usr/bin/env node
// Editor latency bench: what a keystroke costs in the VS Code extension, against a bare TypeScript re-parse.
//
//   npm run bench:editor        (builds first; then: node scripts/bench-editor.mjs [--edits N] [--json])
//
// Input: one large, realistic TypeScript file generated deterministically (the sample app and the built-in
// rules' fixtures, sorted by path, concatenated until it has ≥ 4,700 lines); written to out/bench/editor-large.ts.
//
// Measured in one process, all on the same sequence of texts:
//   (a) engine load: require(dist/engine.js) + loadBuiltinRules() + new Analyzer() (what the extension pays on
//       its first analysis; activation itself does not load the engine), and the in-host activation time the
//       integration tests recorded in out/test/ext-metrics.json when that file exists;
//   (b) keystroke-to-diagnostics: N single-character edits at varying positions (a character typed, then
//       deleted: a typo and its backspace), each followed by the analysis the editor runs:
//         - full:        analyzer.analyzeText(file, text)            (fresh parse every time)
//         - incremental: a DocumentAnalysis per document: ts.updateSourceFile with the edit's change range,
//                        then the same one walk + rules (what src/vscode/linter.ts uses);
//   (c) baseline: a bare TypeScript full re-parse + walk (createSourceFile + forEachChild) of the same texts,
//       and for reference a bare incremental re-parse (updateSourceFile) + walk.
// Reported: p50/p95 per variant and the ratios to the baseline. Reports; does not judge (exit 0 unless it crashes).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const EDITS = Number(argv[argv.indexOf('--edits') + 1]) > 0 && argv.includes('--edits') ? Number(argv[argv.indexOf('--edits') + 1]) : 200;
const JSON_OUT = argv.includes('--json');
const TARGET_LINES = 4700;
const WARMUP = 20;

function sourcesUnder(dir, filter) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name) && !/\.d\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter(filter)
    .sort();
}

/** The large file: sample app first, then rule fixtures, repeated until TARGET_LINES; cut at a chunk boundary. */
function largeFile() {
  const files = [
    ...sourcesUnder(path.join(ROOT, 'test/fixtures/sample-app'), () => true),
    ...sourcesUnder(path.join(ROOT, 'rules/builtin'), (f) => f.includes(`${path.sep}fixtures${path.sep}`) && !/\.(jsx|tsx)$/.test(f)),
  ];
  if (files.length === 0) throw new Error('no source files found for the large file');
  const chunks = [];
  let lines = 0;
  for (let round = 0; lines < TARGET_LINES; round++) {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n');
      const chunk = `// ---- ${path.relative(ROOT, f)}${round ? ` (copy ${round})` : ''}\n${text.endsWith('\n') ? text : `${text}\n`}`;
      chunks.push(chunk);
      lines += chunk.split('\n').length - 1;
      if (lines >= TARGET_LINES) break;
    }
  }
  return chunks.join('');
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N single-character edits: even ones type a character at a random position, odd ones delete it again. */
function edits(base, n) {
  const rand = rng(0x7275);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ;.(';
  const out = [];
  let text = base;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      pos = Math.floor(rand() * text.length);
      const ch = alphabet[Math.floor(rand() * alphabet.length)];
      text = text.slice(0, pos) + ch + text.slice(pos);
      out.push({ text, change: { start: pos, end: pos, newText: ch } });
    } else {
      text = text.slice(0, pos) + text.slice(pos + 1);
      out.push({ text, change: { start: pos, end: pos + 1, newText: '' } });
    }
  }
  return out;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], mean: s.reduce((x, y) => x + y, 0) / s.length };
}

function main() {
  const engineFile = path.join(ROOT, 'dist', 'engine.js');
  if (!fs.existsSync(engineFile)) throw new Error('dist/engine.js is missing: run npm run build');

  // (a) engine load, cold: this is the first thing the process requires.
  const t0 = performance.now();
  const engine = require(engineFile);
  const tRequire = performance.now();
  const { rules } = engine.loadBuiltinRules();
  const tRules = performance.now();
  const analyzer = new engine.Analyzer({ rules, root: ROOT });
  const tAnalyzer = performance.now();
  const load = { requireMs: tRequire - t0, loadRulesMs: tRules - tRequire, newAnalyzerMs: tAnalyzer - tRules, totalMs: tAnalyzer - t0, rules: rules.length };

  let activation;
  const metricsFile = path.join(ROOT, 'out', 'test', 'ext-metrics.json');
  if (fs.existsSync(metricsFile)) {
    try {
      activation = JSON.parse(fs.readFileSync(metricsFile, 'utf8'));
    } catch {
      activation = undefined;
    }
  }

  const ts = require('@ts-morph/common').ts; // the compiler the engine bundles (same version)
  const base = largeFile();
  const lineCount = base.split('\n').length - 1;
  const outDir = path.join(ROOT, 'out', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'editor-large.ts');
  fs.writeFileSync(file, base);
  const seq = edits(base, EDITS + WARMUP);

  const baseline = (text) => {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    let n = 0;
    const visit = (node) => {
      n++;
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return n;
  };
  // Bare incremental re-parse + walk: what the compiler alone needs per keystroke with ts.updateSourceFile.
  let bareTree = ts.createSourceFile(file, base, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const bareIncremental = (text, change) => {
    bareTree = ts.updateSourceFile(bareTree, text, ts.createTextChangeRange(ts.createTextSpan(change.start, change.end - change.start), change.newText.length));
    let n = 0;
    const visit = (node) => {
      n++;
      ts.forEachChild(node, visit);
    };
    visit(bareTree);
    return n;
  };
  const full = (text) => analyzer.analyzeText(file, text);
  const hasIncremental = typeof engine.DocumentAnalysis === 'function';
  const doc = hasIncremental ? new engine.DocumentAnalysis(file) : undefined;
  const incremental = hasIncremental ? (text, change) => doc.analyze(analyzer, text, change) : undefined;
  if (doc) doc.analyze(analyzer, base); // the document as opened

  const variants = { baseline: [], bareIncremental: [], full: [], ...(incremental ? { incremental: [] } : {}) };
  let findings = { full: 0, incremental: 0 };
  const matchedStatements = [];
  seq.forEach(({ text, change }, i) => {
    // Interleaved, in a rotating order, so drift (GC, JIT) spreads over all variants.
    const order = i % 3 === 0 ? ['baseline', 'full', 'incremental', 'bareIncremental'] : i % 3 === 1 ? ['full', 'bareIncremental', 'incremental', 'baseline'] : ['incremental', 'baseline', 'bareIncremental', 'full'];
    for (const v of order) {
      if (!(v in variants)) continue;
      const s = performance.now();
      let r;
      if (v === 'baseline') r = baseline(text);
      else if (v === 'bareIncremental') r = bareIncremental(text, change);
      else if (v === 'full') r = full(text);
      else {
        r = incremental(text, change);
        if (i >= WARMUP && doc.lastStats) matchedStatements.push(doc.lastStats.matched / doc.lastStats.statements);
      }
      const ms = performance.now() - s;
      if (i >= WARMUP) variants[v].push(ms);
      if (i === seq.length - 1 && (v === 'full' || v === 'incremental')) findings[v] = r.findings.length;
    }
  });
  const result = {
    file: path.relative(ROOT, file),
    lines: lineCount,
    bytes: Buffer.byteLength(base),
    edits: EDITS,
    engineLoad: load,
    activation,
    latency: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, stats(v)])),
    findingsAtEnd: findings,
    // Share of the file's top-level statements the editor path matched again per edit (1 = a full pass).
    matchedShare: matchedStatements.length ? { ...stats(matchedStatements), fullPasses: matchedStatements.filter((x) => x === 1).length } : undefined,
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const f = (n) => (Number.isFinite(n) ? `${n.toFixed(2)} ms` : 'n/a');
  console.log(`Trustline editor bench — ${result.file}: ${lineCount} lines, ${(result.bytes / 1024).toFixed(0)} KB, ${EDITS} single-character edits (+${WARMUP} warm-up)`);
  console.log('');
  console.log(`engine load (first analysis in the extension): ${f(load.totalMs)}  = require dist/engine.js ${f(load.requireMs)} + loadBuiltinRules (${load.rules} rules) ${f(load.loadRulesMs)} + new Analyzer ${f(load.newAnalyzerMs)}`);
  if (activation && typeof activation === 'object') {
    for (const [suite, m] of Object.entries(activation)) if (m && typeof m.activationMs === 'number') console.log(`activation in the real VS Code host (${suite} suite, from the integration tests): ${f(m.activationMs)}`);
  } else console.log('activation in the real VS Code host: n/a (run npm run test:ext to record out/test/ext-metrics.json)');
  console.log('');
  console.log('keystroke-to-diagnostics         p50        p95        max');
  const row = (name, s) => console.log(`${name.padEnd(30)} ${f(s.p50).padStart(10)} ${f(s.p95).padStart(10)} ${f(s.max).padStart(10)}`);
  const L = result.latency;
  row('bare TS re-parse + walk', L.baseline);
  row('bare TS incremental + walk', L.bareIncremental);
  row('engine, full re-parse', L.full);
  if (L.incremental) row('engine, incremental (editor)', L.incremental);
  console.log('');
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(`ratio full/baseline:        p50 ${ratio(L.full.p50, L.baseline.p50)}, p95 ${ratio(L.full.p95, L.baseline.p95)}`);
  if (L.incremental) {
    console.log(`ratio incremental/baseline: p50 ${ratio(L.incremental.p50, L.baseline.p50)}, p95 ${ratio(L.incremental.p95, L.baseline.p95)}`);
    if (result.matchedShare) {
      const m = result.matchedShare;
      console.log(`statements matched again per edit (share of the file): p50 ${(m.p50 * 100).toFixed(1)}%, p95 ${(m.p95 * 100).toFixed(1)}%; full passes ${m.fullPasses} of ${EDITS}`);
    }
    console.log(`findings after the last edit: full ${findings.full}, incremental ${findings.incremental}${findings.full === findings.incremental ? ' (same)' : ' (DIFFERENT)'}`);
  }
  const editor = L.incremental ?? L.full;
  console.log(`target p95 ≤ 10 ms on the editor path: ${editor.p95 <= 10 ? 'met' : 'missed'} (${f(editor.p95)})`);
}

try {
  main();
} catch (err) {
  console.error(`bench:editor: ${err instanceof Error ? err.stack : err}`);
  process.exitCode = 1;
}
