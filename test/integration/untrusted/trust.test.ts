import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, DECODE_RULE, ruleIdOf, setSetting, show, trustline, waitForDiagnostics, workspaceRoot, wsUri } from '../helpers';

suite('untrusted workspace', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAll);

  test('the workspace opens in restricted mode and built-in rules run', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const uri = wsUri('src/decode.ts');
    await show(uri);
    const ds = await waitForDiagnostics(uri, 'the built-in finding', (x) => x.length === 1);
    assert.equal(ruleIdOf(ds[0]!), DECODE_RULE);
  });

  test('trustline.rulePacks from the workspace settings is ignored', async () => {
    assert.deepEqual(vscode.workspace.getConfiguration('trustline').inspect('rulePacks')?.workspaceValue, undefined, 'restricted setting hidden by VS Code');
    const uri = wsUri('src/legacy.js');
    await show(uri);
    await waitForDiagnostics(uri, 'the built-in finding', (x) => x.some((d) => ruleIdOf(d) === DECODE_RULE));
    assert.deepEqual(trustline(uri).map(ruleIdOf), [DECODE_RULE]);
  });

  test('a user setting pointing at a pack inside the workspace is ignored too', async () => {
    const uri = wsUri('src/legacy.js');
    await show(uri);
    await setSetting('trustline.rulePacks', [`${workspaceRoot()}/packs/extra`]);
    try {
      // The settings change re-lints; give it the same chance to (wrongly) load the pack.
      await new Promise((r) => setTimeout(r, 500));
      await waitForDiagnostics(uri, 'the built-in finding', (x) => x.length > 0);
      assert.deepEqual(trustline(uri).map(ruleIdOf), [DECODE_RULE]);
    } finally {
      await setSetting('trustline.rulePacks', undefined);
    }
  });
});
