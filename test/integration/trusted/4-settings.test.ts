import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, DECODE_RULE, DECODE_TS, scratch, setSetting, show, waitForDiagnostics } from '../helpers';

suite('settings', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAll);

  test('changing trustline.severityOverrides re-lints open documents', async () => {
    const uri = await scratch('overrides.ts', DECODE_TS);
    await show(uri);
    await waitForDiagnostics(uri, 'an error', (ds) => ds.length === 1 && ds[0]!.severity === vscode.DiagnosticSeverity.Error);
    try {
      await setSetting('trustline.severityOverrides', { [DECODE_RULE]: 'warning' });
      await waitForDiagnostics(uri, 'a warning', (ds) => ds.length === 1 && ds[0]!.severity === vscode.DiagnosticSeverity.Warning);
      await setSetting('trustline.severityOverrides', { [DECODE_RULE]: 'off' });
      await waitForDiagnostics(uri, 'rule off', (ds) => ds.length === 0);
    } finally {
      await setSetting('trustline.severityOverrides', undefined);
    }
    const ds = await waitForDiagnostics(uri, 'an error again', (x) => x.length === 1);
    assert.equal(ds[0]!.severity, vscode.DiagnosticSeverity.Error);
  });
});
