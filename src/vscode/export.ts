/**
 * "Trustline: Export Audit": writes the last audit as SARIF 2.1.0 or JSON with the CLI's reporters, so the
 * file is the same one `trustline audit --format sarif|json` writes. Asks for the format (quick pick) and the
 * target (save dialog) unless they are passed: `trustline.exportAudit(target?, format?)`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderJson } from '../cli/reporters/json';
import { renderSarif } from '../cli/reporters/sarif';
import type { AuditController } from './audit';

export type ExportFormat = 'sarif' | 'json';

function formatOf(target: string): ExportFormat | undefined {
  const ext = path.extname(target).toLowerCase();
  return ext === '.sarif' ? 'sarif' : ext === '.json' ? 'json' : undefined;
}

/** Resolves with the written file's path, or undefined when nothing was written. */
export async function exportAudit(audit: AuditController, target?: string | vscode.Uri, format?: ExportFormat): Promise<string | undefined> {
  if (audit.isRunning) {
    void vscode.window.showInformationMessage('Trustline: the audit is still running; export it when it is done.');
    return undefined;
  }
  const report = audit.report();
  if (!report) {
    const choice = await vscode.window.showInformationMessage('Trustline: there is no audit to export yet.', 'Audit Workspace');
    if (choice) await vscode.commands.executeCommand('trustline.auditWorkspace');
    return undefined;
  }
  let file = typeof target === 'string' ? target : target?.fsPath;
  let fmt = format ?? (file ? formatOf(file) : undefined);
  if (!fmt) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'SARIF 2.1.0', description: 'code scanning (GitHub, Azure DevOps, SARIF viewers)', format: 'sarif' as const },
        { label: 'JSON', description: "Trustline's report format", format: 'json' as const },
      ],
      { title: 'Trustline: export the audit as' },
    );
    if (!picked) return undefined;
    fmt = picked.format;
  }
  if (!file) {
    const uri = await vscode.window.showSaveDialog({
      title: 'Trustline: export the audit',
      defaultUri: vscode.Uri.file(path.join(report.root, fmt === 'sarif' ? 'trustline.sarif' : 'trustline-audit.json')),
      filters: fmt === 'sarif' ? { SARIF: ['sarif', 'json'] } : { JSON: ['json'] },
    });
    if (!uri) return undefined;
    file = uri.fsPath;
  }
  const text = fmt === 'sarif' ? renderSarif(report) : renderJson(report);
  await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(text));
  const partial = audit.results?.status === 'cancelled' ? ' (partial: the audit was cancelled)' : '';
  void vscode.window.showInformationMessage(`Trustline: audit exported to ${path.basename(file)}${partial}`);
  return file;
}
