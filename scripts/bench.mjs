#!/usr/bin/env node
// Performance bench: Trustline's audit against a bare TypeScript parse + walk of the same real code.
//
//   npm run bench               (builds first; then: node scripts/bench.mjs [options])
//
// Corpus: the .js/.ts/.mjs/.cjs sources of the installed dependencies under node_modules (no .d.ts, no
// *.min.js, nothing over 1 MB, no minified-looking files, identical copies once), in sorted path order.
// Each measurement runs in its own child process, so peak RSS is per measurement: the child reports its
// own `process.resourceUsage().maxRSS` when it is done. One warm-up of each side, then `--runs` (default 3)
// measured runs interleaved (baseline, audit, baseline, audit, ...). Reported: median time, max peak RSS.
//
// This reports; it does not judge. Exit code 0, or 1 when something crashes (a child, the collection).
//
// Options:
//   --json            print one machine-readable JSON summary on stdout (progress goes to stderr)
//   --runs N          measured runs per side (default 3)
//   --parents         baseline parses with parent pointers set (the engine needs them; default: bare parse)
//   --baseline-only   skip the audit half (no dist/engine.js needed)
//   --profile         one more audit run that times each rule (and parse/index) and prints the costliest
//   --engine FILE     the engine bundle to measure (default dist/engine.js), e.g. to compare two builds
//   --write-list F    write the corpus file list (JSON array of paths) to F and stop; profile one side with
//                     node --cpu-prof scripts/bench.mjs --child engine F
//
// Internal: `--child baseline|engine <list.json> [--parents] [--engine FILE]` is how the parent starts a
// measurement.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const engineIdx = argv.indexOf('--engine');
const ENGINE_BUNDLE = engineIdx >= 0 ? path.resolve(argv[engineIdx + 1]) : path.join(ROOT, 'dist', 'engine.js');
const MAX_FILE_BYTES = 1024 * 1024;
const CORPUS_EXTENSIONS = new Set(['.js', '.ts', '.mjs', '.cjs']);

if (argv[0] === '--child') {
  await runChild(argv[1], argv[2], argv.includes('--parents'));
} else {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Child side: one measurement, reported as one JSON line on stdout.

async function runChild(kind, listFile, parents) {
  const t0 = performance.now();
  const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const require = createRequire(path.join(ROOT, 'package.json'));
  const report = { kind, files: files.length };

  if (kind === 'baseline') {
    const { ts } = require('ts-morph');
    const tLoaded = performance.now();
    const cpuLoaded = process.cpuUsage();
    report.setupRssKB = process.memoryUsage().rss / 1024;
    let nodes = 0;
    const visit = (node) => {
      nodes++;
      ts.forEachChild(node, visit);
    };
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, parents, scriptKindFor(ts, file));
      visit(sf);
    }
    const tDone = performance.now();
    const cpu = process.cpuUsage(cpuLoaded);
    report.analysisCpuMs = (cpu.user + cpu.system) / 1000;
    Object.assign(report, { nodes, setupMs: tLoaded - t0, analysisMs: tDone - tLoaded });
  } else if (kind === 'engine') {
    const engine = require(ENGINE_BUNDLE);
    const { rules } = engine.loadBuiltinRules();
    const profile = argv.includes('--profile') ? new Map() : undefined;
    const analyzer = new engine.Analyzer({ rules, root: path.join(ROOT, 'node_modules'), crossFile: new engine.WorkspaceResolver(path.join(ROOT, 'node_modules')), profile });
    const tLoaded = performance.now();
    const cpuLoaded = process.cpuUsage();
    report.setupRssKB = process.memoryUsage().rss / 1024;
    let findings = 0;
    const byRule = {};
    const skipped = [];
    const notices = {};
    for (const file of files) {
      let result = analyzer.analyzeFile(file);
      if (result && typeof result.then === 'function') result = await result;
      if (!result) continue;
      if (result.skipped) skipped.push({ file, reason: result.skipped });
      for (const n of result.notices ?? []) notices[n.code] = (notices[n.code] ?? 0) + 1;
      for (const f of result.findings ?? []) {
        if (f.suppression) continue;
        findings++;
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      }
    }
    const tDone = performance.now();
    const cpu = process.cpuUsage(cpuLoaded);
    report.analysisCpuMs = (cpu.user + cpu.system) / 1000;
    if (profile) report.profile = Object.fromEntries([...profile].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, Math.round(ms)]));
    Object.assign(report, {
      rules: rules.length,
      findings,
      byRule,
      skipped,
      notices,
      setupMs: tLoaded - t0,
      analysisMs: tDone - tLoaded,
    });
  } else {
    throw new Error(`unknown child kind ${kind}`);
  }

  report.totalMs = performance.now() - t0;
  report.maxRssKB = process.resourceUsage().maxRSS; // kilobytes on Linux and macOS
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function scriptKindFor(ts, file) {
  switch (path.extname(file).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parent side.

function main() {
  const json = argv.includes('--json');
  const parents = argv.includes('--parents');
  const baselineOnly = argv.includes('--baseline-only');
  const runsIdx = argv.indexOf('--runs');
  const runs = runsIdx >= 0 ? Number(argv[runsIdx + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer');
  const log = (msg) => (json ? process.stderr : process.stdout).write(`${msg}\n`);

  const listIdx = argv.indexOf('--write-list');
  if (listIdx >= 0) {
    const out = argv[listIdx + 1];
    if (!out) throw new Error('--write-list needs a file name');
    const { files, lines } = collectCorpus(path.join(ROOT, 'node_modules'));
    fs.writeFileSync(out, JSON.stringify(files.map((f) => f.path)));
    log(`wrote ${files.length} files (${fmtInt(lines)} lines) to ${out}`);
    return 0;
  }

  if (!baselineOnly && !fs.existsSync(ENGINE_BUNDLE)) {
    console.error(`bench: ${path.relative(ROOT, ENGINE_BUNDLE)} is missing. Run \`npm run build\` (scripts/build.mjs must bundle src/engine/index.ts to dist/engine.js), or pass --baseline-only.`);
    return 1;
  }

  // 1. Corpus.
  let corpus = collectCorpus(path.join(ROOT, 'node_modules'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-bench-'));
  const listFile = path.join(tmp, 'files.json');
  try {
    const writeList = () => fs.writeFileSync(listFile, JSON.stringify(corpus.files.map((f) => f.path)));
    writeList();
    const c = corpus.excluded;
    log(`corpus: ${corpus.files.length} files, ${fmtInt(corpus.lines)} lines, ${(corpus.bytes / 1048576).toFixed(1)} MB from ${corpus.packages} packages under node_modules`);
    log(`  left out: ${c.declaration} .d.ts, ${c.min} *.min.js, ${c.large} > 1 MB, ${c.minified} minified-looking, ${c.duplicate} duplicates`);

    const child = (kind, extra = []) => {
      const args = [SELF, '--child', kind, listFile, ...extra];
      if (parents && kind === 'baseline') args.push('--parents');
      if (kind === 'engine') args.push('--engine', ENGINE_BUNDLE);
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const wallMs = performance.now() - t;
      if (r.status !== 0 || r.error) {
        throw new Error(`${kind} child failed (status ${r.status}${r.signal ? `, signal ${r.signal}` : ''})\n${r.error ?? ''}${r.stderr}`);
      }
      const lastLine = r.stdout.trim().split('\n').pop();
      return { ...JSON.parse(lastLine), wallMs };
    };

    // 2. Warm-up. The audit warm-up also tells which files the engine skips (too large, minified); those
    // leave the corpus so both sides measure the same files.
    log(`warm-up ...`);
    child('baseline');
    let warmEngine;
    if (!baselineOnly) {
      warmEngine = child('engine');
      if (warmEngine.skipped.length > 0) {
        const skip = new Set(warmEngine.skipped.map((s) => s.file));
        const reasons = {};
        for (const s of warmEngine.skipped) reasons[s.reason] = (reasons[s.reason] ?? 0) + 1;
        corpus = withFiles(corpus, corpus.files.filter((f) => !skip.has(f.path)));
        writeList();
        log(`  the engine skips ${skip.size} files (${Object.entries(reasons).map(([r, n]) => `${n} ${r}`).join(', ')}); both sides now measure ${corpus.files.length} files, ${fmtInt(corpus.lines)} lines`);
        for (const s of warmEngine.skipped) log(`    ${s.reason}: ${path.relative(ROOT, s.file)}`);
      }
    }

    // 3. Measured runs, interleaved.
    const base = [];
    const audit = [];
    for (let i = 0; i < runs; i++) {
      log(`run ${i + 1}/${runs} ...`);
      base.push(child('baseline'));
      if (!baselineOnly) audit.push(child('engine'));
    }

    // 4. Optional profile run (not measured: timing every rule costs a little itself).
    const profiled = argv.includes('--profile') && !baselineOnly ? child('engine', ['--profile']).profile : undefined;

    const summarize = (rs) =>
      rs.length === 0
        ? null
        : {
            analysisMs: median(rs.map((r) => r.analysisMs)),
            analysisCpuMs: median(rs.map((r) => r.analysisCpuMs)),
            setupMs: median(rs.map((r) => r.setupMs)),
            wallMs: median(rs.map((r) => r.wallMs)),
            peakRssMB: Math.max(...rs.map((r) => r.maxRssKB)) / 1024,
            setupRssMB: Math.max(...rs.map((r) => r.setupRssKB)) / 1024,
            runsMs: rs.map((r) => round(r.analysisMs)),
          };
    const b = summarize(base);
    const a = summarize(audit);
    const lastAudit = audit.at(-1);
    const summary = {
      corpus: {
        files: corpus.files.length,
        lines: corpus.lines,
        bytes: corpus.bytes,
        packages: corpus.packages,
        excluded: corpus.excluded,
        engineSkipped: (warmEngine?.skipped ?? []).map((x) => ({ file: path.relative(ROOT, x.file), reason: x.reason })),
      },
      node: process.version,
      runs,
      baselineParents: parents,
      baseline: {
        ...roundAll(b),
        nodes: base[0].nodes,
        filesPerSec: round(corpus.files.length / (b.analysisMs / 1000)),
        linesPerSec: round(corpus.lines / (b.analysisMs / 1000)),
      },
      audit: a && {
        ...roundAll(a),
        rules: lastAudit.rules,
        filesPerSec: round(corpus.files.length / (a.analysisMs / 1000)),
        linesPerSec: round(corpus.lines / (a.analysisMs / 1000)),
        findings: lastAudit.findings,
        findingsByRule: sortByCount(lastAudit.byRule),
        notices: lastAudit.notices,
      },
      timeRatio: a && round(a.analysisMs / b.analysisMs, 2),
      cpuTimeRatio: a && round(a.analysisCpuMs / b.analysisCpuMs, 2),
      wallTimeRatio: a && round(a.wallMs / b.wallMs, 2),
      peakRssRatio: a && round(a.peakRssMB / b.peakRssMB, 2),
      targets: { timeRatio: 1.6, peakRssRatio: 1.3 },
      ...(profiled ? { profileMs: profiled } : {}),
    };

    if (json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      printReport(summary);
    }
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printReport(s) {
  const b = s.baseline;
  const a = s.audit;
  const col = (x) => String(x).padStart(18);
  const row = (label, bv, av) => console.log(`  ${label.padEnd(26)}${col(bv)}${a ? col(av) : ''}`);
  console.log('');
  console.log(`files: ${s.corpus.files}   lines: ${fmtInt(s.corpus.lines)}   (node ${s.node}, median of ${s.runs} runs after 1 warm-up)`);
  row('', s.baselineParents ? 'parse+walk (P)' : 'parse+walk', 'audit');
  row('analysis time', `${fmtInt(b.analysisMs)} ms`, a && `${fmtInt(a.analysisMs)} ms`);
  row('analysis CPU (user+sys)', `${fmtInt(b.analysisCpuMs)} ms`, a && `${fmtInt(a.analysisCpuMs)} ms`);
  row('setup (load, rules)', `${fmtInt(b.setupMs)} ms`, a && `${fmtInt(a.setupMs)} ms`);
  row('process wall time', `${fmtInt(b.wallMs)} ms`, a && `${fmtInt(a.wallMs)} ms`);
  row('files/s', fmtInt(b.filesPerSec), a && fmtInt(a.filesPerSec));
  row('lines/s', fmtInt(b.linesPerSec), a && fmtInt(a.linesPerSec));
  row('peak RSS', `${b.peakRssMB.toFixed(0)} MB`, a && `${a.peakRssMB.toFixed(0)} MB`);
  row('  RSS after setup', `${b.setupRssMB.toFixed(0)} MB`, a && `${a.setupRssMB.toFixed(0)} MB`);
  row('each run (analysis ms)', b.runsMs.join(' '), a && a.runsMs.join(' '));
  console.log('');
  if (s.baselineParents) console.log('  (P) baseline parsed with parent pointers set (--parents)');
  if (!a) {
    console.log('audit half skipped (--baseline-only)');
    return;
  }
  console.log(`time ratio (audit / bare parse+walk): ${s.timeRatio.toFixed(2)} (target <= ${s.targets.timeRatio})`);
  console.log(`peak RSS ratio: ${s.peakRssRatio.toFixed(2)} (target <= ${s.targets.peakRssRatio})`);
  console.log(`CPU time ratio (analysis, user+sys): ${s.cpuTimeRatio.toFixed(2)}   wall time ratio (whole process, incl. loading): ${s.wallTimeRatio.toFixed(2)}`);
  console.log(`findings on corpus: ${a.findings} from ${a.rules} rules`);
  for (const [rule, n] of Object.entries(a.findingsByRule)) console.log(`  ${String(n).padStart(6)}  ${rule}`);
  if (s.profileMs) {
    console.log('time per phase and rule (separate --profile run, top 25):');
    for (const [key, ms] of Object.entries(s.profileMs).slice(0, 25)) console.log(`  ${fmtInt(ms).padStart(8)} ms  ${key}`);
  }
  const notices = Object.entries(a.notices);
  if (notices.length > 0) console.log(`notices: ${notices.map(([c, n]) => `${n} ${c}`).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------
// Corpus collection.

function collectCorpus(nodeModules) {
  if (!fs.existsSync(nodeModules)) throw new Error(`${nodeModules} not found; run npm install`);
  const candidates = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.bin' || entry.name === '.cache') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CORPUS_EXTENSIONS.has(path.extname(entry.name))) candidates.push(full);
    }
  };
  walk(nodeModules);
  candidates.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

  const excluded = { declaration: 0, min: 0, large: 0, minified: 0, duplicate: 0 };
  const seen = new Set();
  const files = [];
  for (const file of candidates) {
    const base = path.basename(file);
    if (/\.d\.[mc]?ts$/.test(base)) {
      excluded.declaration++;
      continue;
    }
    if (/\.min\.[mc]?js$/.test(base)) {
      excluded.min++;
      continue;
    }
    if (fs.statSync(file).size > MAX_FILE_BYTES) {
      excluded.large++;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    const hash = createHash('sha1').update(text).digest('hex');
    if (seen.has(hash)) {
      excluded.duplicate++;
      continue;
    }
    seen.add(hash);
    const lines = countLines(text);
    if (looksMinified(text, lines)) {
      excluded.minified++;
      continue;
    }
    files.push({ path: file, lines, bytes: Buffer.byteLength(text) });
  }
  return withFiles({ excluded }, files);
}

function withFiles(corpus, files) {
  const packages = new Set(files.map((f) => packageOf(f.path)));
  return {
    ...corpus,
    files,
    lines: files.reduce((n, f) => n + f.lines, 0),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    packages: packages.size,
  };
}

function packageOf(file) {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  return parts[i + 1].startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1];
}

function countLines(text) {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/**
 * Bundled/minified output: long average lines, or most of the text in very long lines. A hand-written file
 * with one long data line (a lookup table, an inline source map) stays in.
 */
function looksMinified(text, lines) {
  if (lines > 0 && text.length / lines > 200) return true;
  let inLongLines = 0;
  for (const line of text.split('\n')) {
    if (line.length > 1000 && !line.startsWith('//# sourceMappingURL=')) inLongLines += line.length;
  }
  return inLongLines > text.length / 2;
}

// ---------------------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, digits = 0) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v]));
}

function sortByCount(counts) {
  return Object.fromEntries(Object.entries(counts).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)));
}

function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}
