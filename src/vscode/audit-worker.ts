/**
 * The workspace audit, off the extension host's thread: a worker_threads Worker running dist/audit-worker.js.
 * It finds files with the CLI's discovery (.gitignore files, skipped folders, symlinks), drops the
 * `trustline.exclude` globs, loads the rules, analyzes file by file and streams findings back in batches, so a
 * cancelled audit (the host terminates the worker) still leaves the findings of the files already done.
 *
 * Plain Node: this file must not import `vscode`. The engine is `./engine.js` next to the bundle (scripts/build.mjs).
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import picomatch from 'picomatch';
import { discoverFiles } from '../cli/discovery/discover-files';
import { PolicyAnalyzers, PolicyResolver, WorkspaceResolver, loadBuiltinRules, loadRulePacks, type Analyzer, type Finding, type LoadedRule, type Notice } from '../engine';
import type { AuditRequest, WorkerMessage } from './audit-protocol';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function run(req: AuditRequest): void {
  const t0 = Date.now();
  const interval = req.progressIntervalMs ?? 50;
  const notices: Notice[] = [];
  const builtin = loadBuiltinRules();
  let rules: LoadedRule[] = builtin.rules;
  notices.push(...builtin.notices);
  if (req.packs.length > 0) {
    const packs = loadRulePacks(req.packs);
    notices.push(...packs.notices);
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const r of packs.rules) byId.set(r.id, r);
    rules = [...byId.values()];
  }

  const excluded = req.exclude.length > 0 ? picomatch(req.exclude, { dot: true }) : undefined;
  const work: { root: string; file: string }[] = [];
  for (const root of req.roots) {
    const found = discoverFiles({ root, targets: [root] });
    notices.push(...found.notices);
    for (const file of found.files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (!excluded?.(rel)) work.push({ root, file });
    }
  }
  const total = work.length;
  post({ type: 'discovered', total, notices: notices.splice(0) });

  // One set of policy scopes per root: each file gets the analyzer of its team policy (nested policies included).
  const scopesByRoot = new Map<string, PolicyAnalyzers>();
  const scopesFor = (root: string): PolicyAnalyzers => {
    let s = scopesByRoot.get(root);
    if (!s) {
      s = new PolicyAnalyzers({
        resolver: new PolicyResolver({ root }),
        baseRules: rules,
        allowExtends: req.trusted !== false,
        analyzer: { severity: req.severity, root, routing: { ...req.routing, envExampleDir: root }, crossFile: new WorkspaceResolver(root) },
      });
      scopesByRoot.set(root, s);
    }
    return s;
  };
  const analyzerFor = (root: string, file: string): Analyzer => scopesFor(root).analyzerFor(file);
  const reported = new Map<PolicyAnalyzers, number>();
  const policyNotices = (root: string): Notice[] => {
    const s = scopesFor(root);
    const from = reported.get(s) ?? 0;
    reported.set(s, s.notices.length);
    return s.notices.slice(from);
  };
  let batch: Finding[] = [];
  let analyzed: string[] = [];
  let skipped = 0;
  let last = Date.now();
  for (let i = 0; i < total; i++) {
    const { root, file } = work[i]!;
    try {
      if (scopesFor(root).isIgnored(file)) {
        notices.push(...policyNotices(root));
        continue;
      }
      const result = analyzerFor(root, file).analyzeFile(file);
      notices.push(...policyNotices(root));
      batch.push(...result.findings);
      notices.push(...result.notices);
      if (result.skipped !== undefined) skipped++;
      else analyzed.push(file);
    } catch (err) {
      notices.push({ level: 'error', code: 'analysis-failed', message: `analysis failed: ${((err as Error).message ?? String(err)).split('\n')[0]}`, file });
    }
    const now = Date.now();
    if (i === total - 1) break;
    if (now - last >= interval) {
      post({ type: 'progress', done: i + 1, total, findings: batch, notices: notices.splice(0), analyzed, skipped });
      batch = [];
      analyzed = [];
      skipped = 0;
      last = now;
    }
  }
  post({ type: 'done', done: total, total, findings: batch, notices: notices.splice(0), analyzed, skipped, ms: Date.now() - t0 });
}

try {
  run(workerData as AuditRequest);
} catch (err) {
  post({ type: 'error', message: (err as Error).stack ?? String(err) });
}
