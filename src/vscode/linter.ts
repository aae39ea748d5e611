/**
 * Live diagnostics: analyze open JavaScript/TypeScript documents on open and on change (debounced per document;
 * a run whose document version moved on is dropped), clear them on close. Per keystroke the engine re-parses
 * the text incrementally from the document's previous tree (engine DocumentAnalysis) and matches only the
 * statements the edit concerns; no ts-morph project is built. When it carried other statements' findings over,
 * a full pass follows once typing pauses (SETTLE_AFTER_MS), so cross-statement effects are never stale for long.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { DocumentAnalysis, Finding, FileResult } from '../engine';
import { toDiagnostic, toNoticeDiagnostic } from './convert';
import { engine } from './engine-loader';
import type { RuleHost } from './rule-host';
import { readSettings } from './settings';

export const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'] as const;
const LANGUAGE_SET = new Set<string>(LANGUAGES);
/** Quiet time after a partial (statement-level) analysis before the full pass runs. */
const SETTLE_AFTER_MS = 400;

/** Findings of the last analysis of a document, with the diagnostics made from them (same order). */
export interface DocumentResult {
  version: number;
  findings: Finding[];
  diagnostics: vscode.Diagnostic[];
  /** `findings[i]` belongs to `diagnostics[i]` for i < findings.length. */
  ms: number;
  skipped?: string;
}

export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('trustline');
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Full passes waiting for typing to pause, per document. */
  private readonly settleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per open document: its last syntax tree, re-parsed incrementally on the next analysis. */
  private readonly documents = new Map<string, DocumentAnalysis>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were set or cleared. */
  readonly onDidLint = this.changed.event;
  private readonly loggedNotices = new Set<string>();

  constructor(
    private readonly host: RuleHost,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const t of this.settleTimers.values()) clearTimeout(t);
    this.settleTimers.clear();
    this.diagnostics.dispose();
    this.changed.dispose();
  }

  /** `true` for the documents Trustline analyzes (language, scheme, enable, exclude globs). */
  isEligible(doc: vscode.TextDocument): boolean {
    if (!LANGUAGE_SET.has(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return false;
    const settings = readSettings(doc.uri);
    if (!settings.enable) return false;
    if (doc.uri.scheme === 'file' && settings.exclude.length > 0) {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const rel = folder ? path.relative(folder.uri.fsPath, doc.uri.fsPath).split(path.sep).join('/') : doc.uri.fsPath;
      if (picomatch(settings.exclude, { dot: true })(rel)) return false;
    }
    return true;
  }

  result(uri: vscode.Uri): DocumentResult | undefined {
    return this.results.get(uri.toString());
  }

  /** Debounced analysis after an edit. */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.cancelSettle(key);
    const version = doc.version;
    const delay = readSettings(doc.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed || doc.version !== version) return; // a newer change has its own timer
        this.lint(doc);
      }, delay),
    );
  }

  private cancelSettle(key: string): void {
    const pending = this.settleTimers.get(key);
    if (pending) clearTimeout(pending);
    this.settleTimers.delete(key);
  }

  /** A full analysis of the document once typing has paused (after a partial, statement-level one). */
  private scheduleSettle(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancelSettle(key);
    const version = doc.version;
    const delay = Math.max(SETTLE_AFTER_MS, 3 * readSettings(doc.uri).debounceMs);
    this.settleTimers.set(
      key,
      setTimeout(() => {
        this.settleTimers.delete(key);
        if (doc.isClosed || doc.version !== version) return;
        this.lint(doc, true);
      }, delay),
    );
  }

  /**
   * Analyzes a document now (or clears it when it is not eligible). `settle` matches every statement instead of
   * only those the last edit concerns.
   */
  lint(doc: vscode.TextDocument, settle = false): void {
    if (!this.isEligible(doc)) {
      this.clear(doc.uri);
      return;
    }
    const version = doc.version;
    const text = doc.getText();
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
    const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : path.join(folder ?? '/', `${doc.uri.path.replace(/[^\w.-]/g, '_')}${doc.languageId.startsWith('typescript') ? '.ts' : '.js'}`);
    const t0 = performance.now();
    let result: FileResult;
    try {
      const settings = readSettings(doc.uri);
      if (doc.uri.scheme === 'file' && this.host.isIgnoredByPolicy(file, folder, settings)) {
        this.clear(doc.uri);
        return;
      }
      const analyzer = this.host.analyzerForFile(file, folder, settings);
      const key = doc.uri.toString();
      let document = this.documents.get(key);
      if (!document || document.file !== file) this.documents.set(key, (document = new (engine().DocumentAnalysis)(file)));
      result = settle ? document.settle(analyzer, text) : document.analyze(analyzer, text);
      if (document.partial) this.scheduleSettle(doc);
    } catch (err) {
      this.documents.delete(doc.uri.toString());
      this.logOnce(`analysis failed for ${doc.uri.fsPath}: ${(err as Error).stack ?? String(err)}`);
      return;
    }
    const ms = performance.now() - t0;
    if (doc.isClosed || doc.version !== version) return; // stale: the text changed while we were busy
    const findings = result.findings.filter((f) => !f.suppression);
    const diagnostics = findings.map((f) => toDiagnostic(f, this.host.rule(f.ruleId)));
    for (const n of result.notices) {
      if (n.line !== undefined && (n.code.startsWith('suppression-') || n.file === file)) diagnostics.push(toNoticeDiagnostic(n, doc));
      else if (n.level !== 'info') this.logOnce(`${n.code}: ${n.message}`);
    }
    this.results.set(doc.uri.toString(), { version, findings, diagnostics, ms, skipped: result.skipped });
    this.diagnostics.set(doc.uri, diagnostics);
    this.changed.fire(doc.uri);
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.cancelSettle(key);
    this.documents.delete(key);
    const had = this.results.delete(key) || this.diagnostics.has(uri);
    this.diagnostics.delete(uri);
    if (had) this.changed.fire(uri);
  }

  /**
   * Re-analyzes every open document (after a settings, trust, pack or policy change): those in a tab, and those
   * analyzed before and not cleared since. A document whose last tab was closed stays in `textDocuments` until
   * VS Code disposes it; its diagnostics were cleared on close and must not come back.
   */
  relintAll(): void {
    const tabs = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (LANGUAGE_SET.has(doc.languageId) && (tabs.has(key) || this.results.has(key))) this.lint(doc);
    }
  }

  /** The finding behind a diagnostic (matched by rule id and range). */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    const r = this.results.get(uri.toString());
    if (!r) return undefined;
    const ruleId = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    const i = r.diagnostics.findIndex((d, idx) => idx < r.findings.length && d.range.isEqual(diagnostic.range) && r.findings[idx]!.ruleId === ruleId);
    return i >= 0 ? r.findings[i] : undefined;
  }

  /** Findings whose range contains a position. */
  findingsAt(doc: vscode.TextDocument, position: vscode.Position): Finding[] {
    const r = this.results.get(doc.uri.toString());
    if (!r) return [];
    return r.findings.filter((_f, i) => r.diagnostics[i]!.range.contains(position));
  }

  private logOnce(line: string): void {
    if (this.loggedNotices.has(line)) return;
    this.loggedNotices.add(line);
    this.log.warn(line);
  }
}
