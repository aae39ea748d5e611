import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, ruleIdOf, setSetting, show, trustline, waitForDiagnostics, wsUri } from '../helpers';

suite('rule packs (trusted workspace)', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    await setSetting('trustline.rulePacks', undefined);
    await closeAll();
  });

  test('a workspace pack from trustline.rulePacks runs in a trusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const uri = wsUri('src/legacy.js');
    await show(uri);
    await setSetting('trustline.rulePacks', ['./packs/extra']);
    const [d] = await waitForDiagnostics(uri, 'the pack rule fires', (ds) => ds.some((x) => ruleIdOf(x) === 'legacy/login-helper'));
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    await setSetting('trustline.rulePacks', undefined);
    await waitForDiagnostics(uri, 'gone when the pack is removed', (ds) => ds.length === 0);
  });

  test('an invalid pack file gets diagnostics (line + JSON pointer), cleared when it is no longer used', async () => {
    const uri = wsUri('src/decode.ts');
    const pack = wsUri('packs/broken/pack.yaml');
    await show(uri);
    await waitForDiagnostics(uri, 'the built-in finding', (ds) => ds.length === 1);
    await setSetting('trustline.rulePacks', ['./packs/broken']);
    const ds = await waitForDiagnostics(pack, 'diagnostics on pack.yaml', (x) => x.length === 2);
    const byLine = ds.map((d) => [d.range.start.line, d.message, d.severity] as const).sort((a, b) => a[0] - b[0]);
    assert.equal(byLine[0]![0], 0);
    assert.match(byLine[0]![1], /missing required key "version"/);
    assert.equal(byLine[1]![0], 2);
    assert.match(byLine[1]![1], /\/rules: must be array/);
    assert.ok(ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error && d.code === 'invalid-pack'));
    assert.equal(trustline(uri).length, 1, 'built-in rules keep running');
    await setSetting('trustline.rulePacks', undefined);
    await waitForDiagnostics(pack, 'pack diagnostics cleared', (x) => x.length === 0);
  });
});
