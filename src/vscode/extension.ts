/**
 * Trustline for VS Code: thin wiring over the engine. Activation only registers listeners and providers; the
 * engine and the rules load on the first analysis.
 */
import * as vscode from 'vscode';
import { AuditController, type AuditOptions, type AuditOutcome, type AuditResults } from './audit';
import { AUDIT_VIEW, AuditTreeProvider, type AuditNode } from './audit-tree';
import { FindingCodeActionProvider, SHOW_DOCS_COMMAND, SUPPRESS_COMMAND } from './code-actions';
import { showRuleDocs, suppressFinding } from './commands';
import { FindingHoverProvider } from './hover';
import { LANGUAGES, Linter } from './linter';
import { RuleHost } from './rule-host';
import { exportAudit, type ExportFormat } from './export';
import { readSettings } from './settings';
import { TrustlineStatus } from './status';

/** What `activate` returns (used by the integration tests and by other extensions). */
export interface TrustlineApi {
  /** Milliseconds `activate` took. */
  activationMs: number;
  /** Resolves after the next lint of `uri` (diagnostics set or cleared). */
  nextLint(uri: vscode.Uri): Promise<void>;
  /** The last (or running) workspace audit. */
  auditResults(): AuditResults | undefined;
  /** The Trustline view's tree: children of a node (roots without one) and their tree items. */
  treeChildren(node?: AuditNode): AuditNode[];
  treeItem(node: AuditNode): vscode.TreeItem;
  /** The Trustline view itself (message, badge). */
  treeView: vscode.TreeView<AuditNode>;
}

export function activate(context: vscode.ExtensionContext): TrustlineApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Trustline', { log: true });
  const host = new RuleHost(log);
  const linter = new Linter(host, log);
  const status = new TrustlineStatus(linter, host);
  const selector = LANGUAGES.map((language) => ({ language }));
  const audit = new AuditController(context.extensionPath, host, linter, log);
  const tree = new AuditTreeProvider(audit);
  const treeView = vscode.window.createTreeView(AUDIT_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = treeView;
  context.subscriptions.push(log, host, linter, status, audit, tree, treeView);

  const onOpen = (doc: vscode.TextDocument): void => {
    if (linter.isEligible(doc)) linter.lint(doc);
  };
  const relint = (): void => {
    linter.relintAll();
    status.update();
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !linter.isEligible(e.document)) return;
      if (readSettings(e.document.uri).run === 'onType') linter.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (readSettings(doc.uri).run === 'onSave' && linter.isEligible(doc)) linter.lint(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => linter.clear(doc.uri)),
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      // Closing the last editor of a file clears its diagnostics now, not when VS Code disposes the model later.
      const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));
      for (const tab of e.closed) if (tab.input instanceof vscode.TabInputText && !open.has(tab.input.uri.toString())) linter.clear(tab.input.uri);
      // Reopening a file whose document VS Code kept after its tab closed fires no onDidOpenTextDocument: analyze it here.
      for (const tab of e.opened) {
        if (!(tab.input instanceof vscode.TabInputText)) continue;
        const uri = tab.input.uri.toString();
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        if (doc && !linter.result(doc.uri)) onOpen(doc);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('trustline')) return;
      if (e.affectsConfiguration('trustline.rulePacks')) host.invalidate();
      log.info('settings changed: re-analyzing open documents');
      relint();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('workspace trusted: loading workspace rule packs');
      host.invalidate();
      relint();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    linter.onDidLint(() => status.update()),
    vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(linter, host)),
    vscode.languages.registerCodeActionsProvider(selector, new FindingCodeActionProvider(linter), { providedCodeActionKinds: FindingCodeActionProvider.kinds }),
    vscode.commands.registerCommand(SUPPRESS_COMMAND, (uri?: vscode.Uri, line?: number, ruleId?: string, reason?: string) => {
      const editor = vscode.window.activeTextEditor;
      const target = uri ?? editor?.document.uri;
      const at = line ?? editor?.selection.active.line;
      const id = ruleId ?? (target && at !== undefined ? vscode.languages.getDiagnostics(target).find((d) => d.source === 'trustline' && d.range.start.line === at) : undefined)?.code;
      const ruleIdText = typeof id === 'object' ? String(id.value) : id;
      if (!target || at === undefined || ruleIdText === undefined) {
        void vscode.window.showInformationMessage('Trustline: place the cursor on a finding to suppress it.');
        return false;
      }
      return suppressFinding(target, at, String(ruleIdText), reason);
    }),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, (ruleId: string) => showRuleDocs(host, ruleId)),
    vscode.commands.registerCommand('trustline.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('trustline.auditWorkspace', (options?: AuditOptions): Promise<AuditOutcome> => audit.run(options)),
    vscode.commands.registerCommand('trustline.refreshAudit', (options?: AuditOptions): Promise<AuditOutcome> => audit.run(options)),
    vscode.commands.registerCommand('trustline.cancelAudit', () => audit.cancel()),
    vscode.commands.registerCommand('trustline.clearAudit', () => audit.clear()),
    vscode.commands.registerCommand('trustline.filterAuditSeverity', (severities?: ('error' | 'warning' | 'info')[]) => (severities ? (tree.setFilter(severities), tree.filter) : tree.pickFilter())),
    vscode.commands.registerCommand('trustline.exportAudit', (target?: string | vscode.Uri, format?: ExportFormat) => exportAudit(audit, target, format)),
    vscode.commands.registerCommand('trustline.lintActiveFile', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) linter.lint(doc);
    }),
  );

  // Pack and rule files: reload the rules when one changes (diagnostics on them follow).
  const watcher = vscode.workspace.createFileSystemWatcher('**/{pack,rule}.{yaml,yml,json}');
  const packChanged = (): void => {
    host.invalidate();
    relint();
  };
  context.subscriptions.push(watcher, watcher.onDidChange(packChanged), watcher.onDidCreate(packChanged), watcher.onDidDelete(packChanged));

  // Team policy files (nested ones too): re-lint open documents under the new policy.
  const policyWatcher = vscode.workspace.createFileSystemWatcher('**/.trustline.{yaml,yml,json}');
  const policyChanged = (uri: vscode.Uri): void => {
    log.info(`policy ${vscode.workspace.asRelativePath(uri)} changed: re-analyzing open documents`);
    host.invalidate();
    relint();
    // Read the policy now even when no document is open, so its problems show on it (or clear after a fix or a delete).
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    try {
      if (folder !== undefined) host.isIgnoredByPolicy(uri.fsPath, folder, readSettings(uri));
    } catch (err) {
      log.warn(`cannot check policy ${uri.fsPath}: ${(err as Error).message}`);
    }
  };
  context.subscriptions.push(policyWatcher, policyWatcher.onDidChange(policyChanged), policyWatcher.onDidCreate(policyChanged), policyWatcher.onDidDelete(policyChanged));

  // Documents already open when the extension activates: analyzed right after activation returns, so the
  // engine's load is not part of activation.
  const initial = setTimeout(() => {
    for (const doc of vscode.workspace.textDocuments) onOpen(doc);
    status.update();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });

  const activationMs = performance.now() - t0;
  log.info(`activated in ${activationMs.toFixed(1)} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted: built-in rules only'})`);
  return {
    activationMs,
    auditResults: () => audit.results,
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    treeView,
    nextLint: (uri) =>
      new Promise((resolve) => {
        const sub = linter.onDidLint((u) => {
          if (u.toString() === uri.toString()) {
            sub.dispose();
            resolve();
          }
        });
      }),
  };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
