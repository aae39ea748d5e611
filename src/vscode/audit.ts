/**
 * Workspace audit for reviewers: runs dist/audit-worker.js in a worker thread (the extension host's thread
 * stays free for typing), shows a cancellable progress notification with file counts, and keeps the results:
 * in their own DiagnosticCollection (`trustline-audit`) and for the Trustline view (audit-tree.ts).
 *
 * Cancelling (the notification's button, `trustline.cancelAudit`, or a CancellationToken passed to the
 * command) terminates the worker at once. The findings streamed in before that stay, marked as partial.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { compareFindings, type AuditReport } from '../cli/audit-report';
import type { Finding, Notice } from '../engine';
import type { AuditRequest, WorkerMessage } from './audit-protocol';
import { toDiagnostic } from './convert';
import type { Linter } from './linter';
import type { RuleHost } from './rule-host';
import { readSettings } from './settings';

export type AuditStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** The last (or current) audit: everything the view, the diagnostics and the export read. */
export interface AuditResults {
  status: AuditStatus;
  /** First workspace folder: report paths are relative to it. */
  root: string;
  roots: string[];
  /** Files analyzed or skipped so far, and how many were found to audit. */
  done: number;
  total: number;
  /** Unsuppressed and suppressed findings, sorted by file and position. */
  findings: Finding[];
  notices: Notice[];
  analyzed: string[];
  skippedFiles: number;
  startedAt: number;
  ms: number;
  error?: string;
}

/** What `trustline.auditWorkspace` resolves with. */
export interface AuditOutcome {
  status: Exclude<AuditStatus, 'running'>;
  done: number;
  total: number;
  findings: number;
  ms: number;
}

export interface AuditOptions {
  /** Cancels the audit like the notification's Cancel button. */
  token?: vscode.CancellationToken;
  /** No progress notification (the audit still reports through `onDidChange`). */
  silent?: boolean;
}

export class AuditController implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('trustline-audit');
  private readonly changed = new vscode.EventEmitter<AuditResults | undefined>();
  /** Fires when results change: start, each batch, the end, clear. */
  readonly onDidChange = this.changed.event;
  private current: AuditResults | undefined;
  private running: { cancel: vscode.CancellationTokenSource; promise: Promise<AuditOutcome> } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionPath: string,
    private readonly host: RuleHost,
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // A file open in an editor has live diagnostics; its (older) audit diagnostics would only duplicate them.
    this.subscriptions.push(
      linter.onDidLint((uri) => {
        if (this.diagnostics.has(uri) && linter.result(uri)) this.diagnostics.delete(uri);
      }),
    );
  }

  dispose(): void {
    this.running?.cancel.cancel();
    this.diagnostics.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  get results(): AuditResults | undefined {
    return this.current;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Cancels the running audit; resolves `false` when none was running. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.cancel.cancel();
    return true;
  }

  clear(): void {
    this.cancel();
    this.current = undefined;
    this.diagnostics.clear();
    this.changed.fire(undefined);
  }

  /** Starts an audit, or returns the one already running. */
  run(options: AuditOptions = {}): Promise<AuditOutcome> {
    if (this.running) return this.running.promise;
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    if (roots.length === 0) {
      void vscode.window.showInformationMessage('Trustline: open a folder to audit it.');
      return Promise.resolve({ status: 'failed', done: 0, total: 0, findings: 0, ms: 0 });
    }
    const cancel = new vscode.CancellationTokenSource();
    const external = options.token?.onCancellationRequested(() => cancel.cancel());
    const promise = Promise.resolve(
      options.silent
        ? this.execute(roots, cancel.token, () => undefined)
        : vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Trustline: auditing the workspace', cancellable: true },
            (progress, token) => {
              token.onCancellationRequested(() => cancel.cancel());
              let reported = 0;
              return this.execute(roots, cancel.token, (done, total) => {
                const pct = total > 0 ? (done / total) * 100 : 0;
                progress.report({ message: `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`, increment: pct - reported });
                reported = pct;
              });
            },
          )
    ).finally(() => {
      external?.dispose();
      cancel.dispose();
      this.running = undefined;
      void vscode.commands.executeCommand('setContext', 'trustline.auditRunning', false);
    });
    this.running = { cancel, promise };
    void vscode.commands.executeCommand('setContext', 'trustline.auditRunning', true);
    return promise;
  }

  private execute(roots: string[], token: vscode.CancellationToken, report: (done: number, total: number) => void): Promise<AuditOutcome> {
    const settings = readSettings(vscode.Uri.file(roots[0]!));
    const request: AuditRequest = {
      roots,
      packs: this.host.packPathsFor(settings),
      severity: settings.severityOverrides,
      exclude: settings.exclude,
      routing: { identityProvider: settings.identityProvider, secretStore: settings.secretStore },
      trusted: vscode.workspace.isTrusted,
    };
    const results: AuditResults = { status: 'running', root: roots[0]!, roots, done: 0, total: 0, findings: [], notices: [], analyzed: [], skippedFiles: 0, startedAt: Date.now(), ms: 0 };
    this.current = results;
    this.diagnostics.clear();
    this.changed.fire(results);
    this.log.info(`audit started: ${roots.join(', ')}`);

    return new Promise<AuditOutcome>((resolve) => {
      let settled = false;
      const worker = new Worker(path.join(this.extensionPath, 'dist', 'audit-worker.js'), { workerData: request });
      const finish = (status: AuditOutcome['status'], error?: string): void => {
        if (settled) return;
        settled = true;
        sub.dispose();
        results.status = status;
        results.error = error;
        results.ms = Date.now() - results.startedAt;
        results.findings.sort(compareFindings);
        if (status === 'cancelled') results.notices.push({ level: 'warning', code: 'audit-cancelled', message: `audit cancelled after ${results.done} of ${results.total} files: results are partial` });
        this.publishDiagnostics();
        this.changed.fire(results);
        const findings = results.findings.filter((f) => !f.suppression).length;
        const line = `audit ${status}: ${results.done}/${results.total} files, ${findings} findings in ${results.ms} ms${error ? `: ${error}` : ''}`;
        if (status === 'failed') this.log.error(line);
        else this.log.info(line);
        resolve({ status, done: results.done, total: results.total, findings, ms: results.ms });
      };
      const sub = token.onCancellationRequested(() => {
        // terminate() stops the thread mid-file; the results streamed in so far stay (partial).
        void worker.terminate();
        finish('cancelled');
      });
      worker.on('message', (m: WorkerMessage) => {
        if (settled) return;
        switch (m.type) {
          case 'discovered':
            results.total = m.total;
            results.notices.push(...m.notices);
            report(0, m.total);
            this.changed.fire(results);
            break;
          case 'progress':
          case 'done':
            results.done = m.done;
            results.total = m.total;
            results.findings.push(...m.findings);
            results.notices.push(...m.notices);
            results.analyzed.push(...m.analyzed);
            results.skippedFiles += m.skipped;
            report(m.done, m.total);
            if (m.type === 'done') finish('completed');
            else this.changed.fire(results);
            break;
          case 'error':
            finish('failed', m.message.split('\n')[0]);
            this.log.error(m.message);
            break;
        }
      });
      worker.on('error', (err) => finish('failed', err.message));
      worker.on('exit', (code) => {
        if (!settled) finish(code === 0 ? 'completed' : 'failed', code === 0 ? undefined : `the audit worker exited with code ${code}`);
      });
      if (token.isCancellationRequested) {
        void worker.terminate();
        finish('cancelled');
      }
    });
  }

  /** Audit diagnostics for every file with unsuppressed findings, except files that have live diagnostics. */
  private publishDiagnostics(): void {
    const results = this.current;
    this.diagnostics.clear();
    if (!results) return;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of results.findings) {
      if (f.suppression) continue;
      const list = byFile.get(f.file) ?? [];
      list.push(toDiagnostic(f, this.host.rule(f.ruleId)));
      byFile.set(f.file, list);
    }
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, diags] of byFile) {
      const uri = vscode.Uri.file(file);
      if (this.linter.result(uri)) continue;
      entries.push([uri, diags]);
    }
    this.diagnostics.set(entries);
  }

  /** The current results as the CLI reporters' input. */
  report(): AuditReport | undefined {
    const r = this.current;
    if (!r || r.status === 'running') return undefined;
    const settings = readSettings(vscode.Uri.file(r.root));
    return {
      root: r.root,
      threshold: 'info',
      rules: this.host.rulesFor(settings),
      findings: r.findings,
      notices: r.notices,
      files: [...r.analyzed].sort(),
      skippedFiles: r.skippedFiles,
    };
  }
}
