/**
 * The Trustline view: the last workspace audit as a tree, category → file → finding, with counts in the
 * labels' descriptions. Clicking a finding opens its location. A severity filter (quick pick) narrows it;
 * the view's message says how the audit went (running, done, cancelled with partial results, failed).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CATEGORIES, type Category, type Finding, type Severity } from '../engine/types';
import type { AuditController, AuditResults } from './audit';
import { toRange } from './convert';

export const AUDIT_VIEW = 'trustline.audit';
const ALL_SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type AuditNode =
  | { kind: 'category'; category: Category; findings: Finding[] }
  | { kind: 'file'; category: Category; file: string; findings: Finding[] }
  | { kind: 'finding'; category: Category; file: string; finding: Finding };

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function severityIcon(s: Severity): vscode.ThemeIcon {
  return s === 'error'
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    : s === 'warning'
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
}

function worst(findings: readonly Finding[]): Severity {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

export class AuditTreeProvider implements vscode.TreeDataProvider<AuditNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuditNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private severities = new Set<Severity>(ALL_SEVERITIES);
  private roots: AuditNode[] = [];
  private readonly parents = new Map<AuditNode, AuditNode>();
  private readonly subscription: vscode.Disposable;
  view: vscode.TreeView<AuditNode> | undefined;

  constructor(private readonly audit: AuditController) {
    this.subscription = audit.onDidChange(() => this.rebuild());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Severities shown (all by default). */
  get filter(): readonly Severity[] {
    return ALL_SEVERITIES.filter((s) => this.severities.has(s));
  }

  setFilter(severities: readonly Severity[]): void {
    this.severities = new Set(severities.length > 0 ? severities : ALL_SEVERITIES);
    this.rebuild();
  }

  /** Asks the user which severities to show. */
  async pickFilter(): Promise<readonly Severity[] | undefined> {
    const items = ALL_SEVERITIES.map((s) => ({ label: s, picked: this.severities.has(s), description: `${this.audit.results?.findings.filter((f) => !f.suppression && f.severity === s).length ?? 0} findings` }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Trustline: show findings of these severities' });
    if (!picked) return undefined;
    this.setFilter(picked.map((p) => p.label));
    return this.filter;
  }

  private rebuild(): void {
    const results = this.audit.results;
    this.parents.clear();
    this.roots = results ? this.group(results) : [];
    if (this.view) {
      this.view.message = results ? statusLine(results) : undefined;
      this.view.description = this.severities.size < ALL_SEVERITIES.length ? `${this.filter.join(', ')} only` : undefined;
      const n = results ? results.findings.filter((f) => !f.suppression).length : 0;
      this.view.badge = n > 0 ? { value: n, tooltip: plural(n, 'audit finding') } : undefined;
    }
    this.changed.fire(undefined);
  }

  private group(results: AuditResults): AuditNode[] {
    const shown = results.findings.filter((f) => !f.suppression && this.severities.has(f.severity));
    const out: AuditNode[] = [];
    for (const category of CATEGORIES) {
      const inCategory = shown.filter((f) => f.category === category);
      if (inCategory.length === 0) continue;
      const node: AuditNode = { kind: 'category', category, findings: inCategory };
      out.push(node);
    }
    return out;
  }

  getChildren(element?: AuditNode): AuditNode[] {
    if (!element) return this.roots;
    if (element.kind === 'category') {
      const byFile = new Map<string, Finding[]>();
      for (const f of element.findings) {
        const list = byFile.get(f.file) ?? [];
        list.push(f);
        byFile.set(f.file, list);
      }
      return [...byFile].map(([file, findings]) => this.child(element, { kind: 'file', category: element.category, file, findings }));
    }
    if (element.kind === 'file') return element.findings.map((finding) => this.child(element, { kind: 'finding', category: element.category, file: element.file, finding }));
    return [];
  }

  private child(parent: AuditNode, node: AuditNode): AuditNode {
    this.parents.set(node, parent);
    return node;
  }

  getParent(element: AuditNode): AuditNode | undefined {
    return this.parents.get(element);
  }

  getTreeItem(element: AuditNode): vscode.TreeItem {
    const root = this.audit.results?.root;
    if (element.kind === 'category') {
      const files = new Set(element.findings.map((f) => f.file)).size;
      const item = new vscode.TreeItem(element.category, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${plural(element.findings.length, 'finding')} in ${plural(files, 'file')}`;
      item.iconPath = severityIcon(worst(element.findings));
      item.contextValue = 'category';
      item.id = `category:${element.category}`;
      return item;
    }
    if (element.kind === 'file') {
      const rel = root ? path.relative(root, element.file).split(path.sep).join('/') : element.file;
      const item = new vscode.TreeItem(vscode.Uri.file(element.file), vscode.TreeItemCollapsibleState.Expanded);
      item.label = path.basename(element.file);
      item.iconPath = vscode.ThemeIcon.File;
      const dir = path.posix.dirname(rel);
      item.description = `${dir === '.' ? '' : `${dir} · `}${element.findings.length}`;
      item.tooltip = `${rel}: ${plural(element.findings.length, 'finding')}`;
      item.contextValue = 'file';
      item.id = `file:${element.category}:${element.file}`;
      return item;
    }
    const f = element.finding;
    const item = new vscode.TreeItem(f.message.split('\n')[0]!, vscode.TreeItemCollapsibleState.None);
    item.description = `${f.ruleId} · Ln ${f.range.startLine}`;
    item.iconPath = severityIcon(f.severity);
    item.tooltip = new vscode.MarkdownString(`**${f.title}** (${f.severity})\n\n${f.message}\n\n\`${f.ruleId}\` · ${path.basename(f.file)}:${f.range.startLine}:${f.range.startColumn}`);
    item.contextValue = 'finding';
    item.id = `finding:${f.ruleId}:${f.file}:${f.range.startOffset}`;
    item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(f.file), { selection: toRange(f.range), preview: true } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}

/** One line about the audit for the view's message. */
export function statusLine(r: AuditResults): string {
  const findings = r.findings.filter((f) => !f.suppression).length;
  const files = new Set(r.findings.filter((f) => !f.suppression).map((f) => f.file)).size;
  const of = `${r.done.toLocaleString('en-US')} of ${plural(r.total, 'file')}`;
  switch (r.status) {
    case 'running':
      return `Auditing… ${of} · ${plural(findings, 'finding')} so far`;
    case 'cancelled':
      return `Audit cancelled after ${of}: partial results, ${plural(findings, 'finding')} in ${plural(files, 'file')}.`;
    case 'failed':
      return `Audit failed after ${of}: ${r.error ?? 'unknown error'}`;
    default:
      return `${plural(findings, 'finding')} in ${plural(files, 'file')} · ${plural(r.total, 'file')} audited in ${(r.ms / 1000).toFixed(1)} s`;
  }
}
