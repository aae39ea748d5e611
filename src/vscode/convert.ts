/** Engine data (findings, notices, fixes) → VS Code objects. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, Fix, LoadedRule, Notice, Severity, SourceRange } from '../engine';

export const SOURCE = 'trustline';

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.startLine - 1, r.startColumn - 1, r.endLine - 1, r.endColumn - 1);
}

/** Absolute path of a rule's documentation file. */
export function docsFile(rule: LoadedRule): string {
  return path.join(rule.dir, rule.definition.docs ?? 'docs.md');
}

export function toDiagnostic(f: Finding, rule: LoadedRule | undefined): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = SOURCE;
  d.code = rule ? { value: f.ruleId, target: vscode.Uri.file(docsFile(rule)) } : f.ruleId;
  if (f.related.length > 0) {
    const own = vscode.Uri.file(f.file);
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.file ? vscode.Uri.file(r.file) : own, toRange(r.range)), r.message));
  }
  return d;
}

/** A notice about a line of the document (a suppression without a reason, an unknown rule id). */
export function toNoticeDiagnostic(n: Notice, doc: vscode.TextDocument): vscode.Diagnostic {
  const line = Math.min(Math.max(0, (n.line ?? 1) - 1), Math.max(0, doc.lineCount - 1));
  const text = doc.lineAt(line);
  const range = new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
  const d = new vscode.Diagnostic(range, n.message, n.level === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = n.code;
  return d;
}

/** Current text of a file: the open document's (maybe unsaved) text, else the disk's; undefined when missing. */
function currentText(file: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (open) return open.getText();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function endPosition(text: string): vscode.Position {
  const lines = text.split('\n');
  return new vscode.Position(lines.length - 1, lines[lines.length - 1]!.length);
}

/**
 * A fix as one WorkspaceEdit. Edits of the analyzed file are offsets into the analyzed text (`doc` at the
 * analyzed version). Edits with `file` set and offsets -1 append their line to that file unless it is already
 * there (the file is created when missing), e.g. `.env.example`.
 */
export function fixToWorkspaceEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    if (!e.file) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.startOffset), doc.positionAt(e.endOffset)), e.newText);
      continue;
    }
    const uri = vscode.Uri.file(e.file);
    const existing = currentText(e.file);
    if (e.startOffset < 0) {
      const line = e.newText.replace(/\n$/, '');
      if (existing === undefined) {
        edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(e.newText) });
        continue;
      }
      if (existing.split(/\r?\n/).some((l) => l.trim() === line.trim())) continue;
      const sep = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
      edit.insert(uri, endPosition(existing), `${sep}${e.newText}`);
      continue;
    }
    if (existing === undefined) edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(e.newText) });
    else {
      const lines = (s: number): vscode.Position => endPosition(existing.slice(0, s));
      edit.replace(uri, new vscode.Range(lines(e.startOffset), lines(e.endOffset)), e.newText);
    }
  }
  return edit;
}
