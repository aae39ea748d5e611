/** Commands: suppress a finding with a written justification; show a rule's documentation. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { docsFile } from './convert';
import type { RuleHost } from './rule-host';

/** Why a justification is refused, or undefined when it is acceptable. */
export function validateJustification(reason: string | undefined): string | undefined {
  const r = (reason ?? '').trim();
  if (r.length === 0) return 'A justification is required: say why this finding is safe to ignore.';
  if (r.length < 3) return 'Write a few words: why is this finding safe to ignore?';
  return undefined;
}

/**
 * Inserts `// trustline-ignore-next-line <rule-id> -- <reason>` above `line` with the line's indentation.
 * `reason` may be passed (keybindings, automation); otherwise an input box asks. Empty reasons are refused.
 * Resolves `true` when the comment was written.
 */
export async function suppressFinding(uri: vscode.Uri, line: number, ruleId: string, reason?: string): Promise<boolean> {
  if (reason === undefined) {
    reason = await vscode.window.showInputBox({
      title: `Suppress ${ruleId}`,
      prompt: 'Why is this finding safe to ignore? The reason is written into the code for reviewers.',
      placeHolder: 'e.g. test fixture key, never deployed',
      ignoreFocusOut: true,
      validateInput: (v) => validateJustification(v),
    });
    if (reason === undefined) return false; // cancelled
  }
  const refused = validateJustification(reason);
  if (refused) {
    void vscode.window.showErrorMessage(`Trustline: ${refused}`);
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (line < 0 || line >= doc.lineCount) return false;
  const target = doc.lineAt(line);
  const indent = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const text = `${indent}// trustline-ignore-next-line ${ruleId} -- ${reason.replace(/\s+/g, ' ').trim()}\n`;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(line, 0), text);
  return vscode.workspace.applyEdit(edit);
}

/** Opens a rule's docs as a Markdown preview (or as a file when the preview is unavailable). */
export async function showRuleDocs(host: RuleHost, ruleId: string): Promise<boolean> {
  const rule = host.rule(ruleId);
  if (!rule) {
    void vscode.window.showWarningMessage(`Trustline: unknown rule ${ruleId}`);
    return false;
  }
  const file = docsFile(rule);
  if (!fs.existsSync(file)) {
    void vscode.window.showWarningMessage(`Trustline: ${ruleId} has no documentation file`);
    return false;
  }
  const uri = vscode.Uri.file(file);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return true;
}
