/**
 * Quick fixes for a finding: its fix templates (routed by trustline.identityProvider / trustline.secretStore),
 * "Suppress with a justification…" and "Show documentation". One finding at a time: no fix-all, nothing preferred
 * for auto-fix, because fixes that change behaviour must be chosen by the user.
 */
import * as vscode from 'vscode';
import { fixToWorkspaceEdit, SOURCE } from './convert';
import type { Linter } from './linter';

export const SUPPRESS_COMMAND = 'trustline.suppress';
export const SHOW_DOCS_COMMAND = 'trustline.showRuleDocs';

export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly linter: Linter) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.linter.result(doc.uri);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = this.linter.findingFor(doc.uri, diagnostic);
      if (!finding) continue;
      if (result.version === doc.version) {
        for (const fix of finding.fixes) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = fixToWorkspaceEdit(doc, fix);
          actions.push(action);
        }
      }
      const suppress = new vscode.CodeAction(`Suppress ${finding.ruleId} with a justification…`, vscode.CodeActionKind.QuickFix);
      suppress.diagnostics = [diagnostic];
      suppress.command = { title: suppress.title, command: SUPPRESS_COMMAND, arguments: [doc.uri, diagnostic.range.start.line, finding.ruleId] };
      actions.push(suppress);
      const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      docs.command = { title: docs.title, command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] };
      actions.push(docs);
    }
    return actions;
  }
}
