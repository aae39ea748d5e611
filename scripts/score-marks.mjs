#!/usr/bin/env node
// Scores a SARIF 2.1.0 file against line labels written as end-of-line marks in a corpus (no dependencies).
//
//   node scripts/score-marks.mjs --root bench/corpus --strip-to /tmp/corpus      # mark-free copies
//   (cd /tmp/corpus && node <project>/dist/cli.js audit . --format sarif --output /tmp/corpus.sarif)
//   node scripts/score-marks.mjs --root bench/corpus --sarif /tmp/corpus.sarif [--scan-root /tmp/corpus] [--details]
//
// A line ending in `// expect: <category>` is a positive (a flaw to flag), `// ok: <category>` a negative
// (safe code a naive tool might flag). Same semantics as the dev set's score.py: a positive is caught when a
// result in the same file starts or ends within one line of it (or its region covers it); a negative is a
// false positive when a result's region covers it. SARIF URIs may be relative to the scanned directory
// (--scan-root, default --root; the stripped copy has the same layout), absolute, or file:// URIs.
// Last line: recall=0.xx precision=0.xx
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = /\s*\/\/\s(expect|ok):\s([a-z]+\.[a-z]+)\s*$/;
const VALUE_OPTS = { '--root': 'root', '--sarif': 'sarif', '--strip-to': 'stripTo', '--scan-root': 'scanRoot' };
const SKIP_DIRS = new Set(['node_modules', '.git']);

function parseArgs(argv) {
  const a = { details: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--details') a.details = true;
    else if (k in VALUE_OPTS) {
      if (i + 1 >= argv.length) die(`${k} needs a value`);
      a[VALUE_OPTS[k]] = argv[++i];
    } else if (k === '-h' || k === '--help') {
      console.log('usage: score-marks.mjs --root DIR (--strip-to OUT | --sarif FILE [--scan-root DIR] [--details])');
      process.exit(0);
    } else die(`unknown argument: ${k}`);
  }
  return a;
}

function die(msg) {
  console.error(msg);
  process.exit(2);
}

function* walk(dir) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
    if (ent.isDirectory()) {
      if (!SKIP_DIRS.has(ent.name)) yield* walk(path.join(dir, ent.name));
    } else if (ent.isFile()) yield path.join(dir, ent.name);
  }
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function stripTo(root, dest) {
  let n = 0;
  for (const src of walk(root)) {
    const rel = path.relative(root, src);
    const out = path.join(dest, rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const text = fs.readFileSync(src, 'utf8');
    fs.writeFileSync(out, text.split('\n').map((l) => l.replace(MARK, '')).join('\n'));
    n++;
  }
  console.log(`${n} files with marks stripped into ${dest}`);
}

function collectLabels(root) {
  const labels = [];
  for (const file of walk(root)) {
    const rel = toPosix(path.relative(root, file));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((l, i) => {
      const m = MARK.exec(l);
      if (m) labels.push({ path: rel, line: i + 1, label: m[1] === 'expect' ? 'pos' : 'neg', category: m[2] });
    });
  }
  return labels;
}

function relPath(uri, scanRoot, base) {
  let u = uri;
  if (base && !(u.startsWith('file:') || u.startsWith('/'))) u = base.replace(/\/+$/, '') + '/' + u;
  if (u.startsWith('file:')) u = fileURLToPath(u);
  else {
    try {
      u = decodeURIComponent(u);
    } catch {
      /* keep as is */
    }
  }
  if (path.isAbsolute(u)) {
    const real = (p) => {
      try {
        return fs.realpathSync(p);
      } catch {
        return path.resolve(p);
      }
    };
    u = path.relative(real(scanRoot), real(u));
  }
  return path.posix.normalize(toPosix(u));
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  if (!a.root) die('--root is required');
  if (!fs.existsSync(a.root)) die(`no such directory: ${a.root}`);
  if (a.stripTo) return stripTo(a.root, a.stripTo);
  if (!a.sarif) die('--sarif is required');

  const labels = collectLabels(a.root);
  const scanRoot = a.scanRoot ?? a.root;
  const sarif = JSON.parse(fs.readFileSync(a.sarif, 'utf8'));
  const regions = new Map();
  for (const run of sarif.runs ?? []) {
    const bases = Object.fromEntries(Object.entries(run.originalUriBaseIds ?? {}).map(([k, v]) => [k, v?.uri]));
    for (const r of run.results ?? []) {
      for (const loc of r.locations ?? []) {
        const pl = loc.physicalLocation ?? {};
        const art = pl.artifactLocation ?? {};
        const reg = pl.region;
        if (!reg || art.uri === undefined) continue;
        const p = relPath(art.uri, scanRoot, bases[art.uriBaseId]);
        const s = reg.startLine;
        const e = reg.endLine ?? s;
        if (!regions.has(p)) regions.set(p, []);
        regions.get(p).push([s, e, r.ruleId ?? '?']);
      }
    }
  }

  const rows = new Map(); // key -> [TP, FN, FP, TN]
  const bump = (key, k) => {
    if (!rows.has(key)) rows.set(key, [0, 0, 0, 0]);
    rows.get(key)[k]++;
  };
  const details = [];
  for (const c of labels) {
    const rs = regions.get(c.path) ?? [];
    const L = c.line;
    let k;
    if (c.label === 'pos') {
      const hit = rs.some(([s, e]) => Math.abs(s - L) <= 1 || Math.abs(e - L) <= 1 || (s <= L && L <= e));
      k = hit ? 0 : 1;
    } else {
      const hit = rs.some(([s, e]) => s <= L && L <= e);
      k = hit ? 2 : 3;
    }
    bump('overall', k);
    bump(c.category, k);
    if (k === 1 || k === 2) details.push([k === 1 ? 'missed' : 'false positive', c]);
  }

  const f = (n, d) => (d ? (n / d).toFixed(2) : 'nan');
  console.log(`${'category'.padEnd(20)} ${'TP'.padStart(4)} ${'FN'.padStart(4)} ${'FP'.padStart(4)} ${'TN'.padStart(4)}  recall  precision`);
  const keys = [...rows.keys()].filter((k) => k !== 'overall').sort();
  if (rows.has('overall')) keys.push('overall');
  for (const key of keys) {
    const [tp, fn, fp, tn] = rows.get(key);
    console.log(
      `${key.padEnd(20)} ${String(tp).padStart(4)} ${String(fn).padStart(4)} ${String(fp).padStart(4)} ${String(tn).padStart(4)}    ${f(tp, tp + fn).padStart(4)}     ${f(tp, tp + fp).padStart(4)}`,
    );
  }
  if (a.details) for (const [kind, c] of details) console.log(`${kind}: ${c.path}:${c.line} ${c.category}`);
  const [tp, fn, fp] = rows.get('overall') ?? [0, 0, 0, 0];
  console.log(`recall=${f(tp, tp + fn)} precision=${f(tp, tp + fp)}`);
}

main();
