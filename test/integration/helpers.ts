/** Shared helpers for the integration suites (run inside the extension host). */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TrustlineApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'trustline.trustline';

export type { TrustlineApi } from '../../src/vscode/extension';
export type { AuditOutcome } from '../../src/vscode/audit';
export type { AuditNode } from '../../src/vscode/audit-tree';

export async function activate(): Promise<TrustlineApi> {
  const ext = vscode.extensions.getExtension<TrustlineApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return folder.uri.fsPath;
}

export function wsUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc);
}

/** Trustline's diagnostics (source `trustline`) on a file. */
export function trustline(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'trustline');
}

export function ruleIdOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves once `check` returns a value that is not undefined/false; rejects after `ms` with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the file's Trustline diagnostics satisfy `ok`. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, ms = 10_000): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = trustline(uri);
    return ok(ds) ? ds : undefined;
  }, ms);
}

/** Sets a user-level setting; resolves once the configuration reflects it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, vscode.ConfigurationTarget.Global);
}

/** Closes all editors, reverting unsaved changes. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 30 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let scratchCount = 0;

/** Writes a fresh file into the workspace's `scratch/` folder (tests never share one) and returns its uri. */
export async function scratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(`scratch/${++scratchCount}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Opens a file in an editor. */
export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

export const DECODE_RULE = 'jwt/decode-used-for-trust';

/** A TypeScript file with one `jwt/decode-used-for-trust` finding on line 4 (0-based 3), columns 17-27. */
export const DECODE_TS = `import jwt from 'jsonwebtoken';

export function currentUser(token: string) {
  const claims = jwt.decode(token) as { sub: string; name: string };
  return { id: claims.sub, name: claims.name };
}
`;

/** Quick fixes offered for a diagnostic. */
export async function codeActionsFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];

  // Diagnostics do not survive the round trip through executeCodeActionProvider; other extensions' actions have other kinds.
  return all.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

/** The plain text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
