import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, DECODE_TS, hoverText, scratch, show, waitForDiagnostics } from '../helpers';

suite('hover', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAll);

  test('a finding\'s hover explains why, how to fix, and the framework references', async () => {
    const uri = await scratch('hover.ts', DECODE_TS);
    await show(uri);
    await waitForDiagnostics(uri, 'one finding', (ds) => ds.length === 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 20));
    const text = hoverText(hovers);
    for (const part of ['JWT decoded without verification', 'jwt/decode-used-for-trust', 'without checking its signature', 'Why it matters', 'only base64-decode a token', 'How to fix', 'CWE-345', 'CWE-347', 'ASVS V9.1.1', 'NHI7:2025', 'PR.AA-03']) {
      assert.ok(text.includes(part), `hover lacks "${part}":\n${text}`);
    }
    const outside = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
    assert.ok(!hoverText(outside).includes('Trustline'), 'no Trustline hover away from findings');
  });
});
