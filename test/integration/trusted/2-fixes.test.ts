import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, codeActionsFor, DECODE_RULE, DECODE_TS, scratch, setSetting, show, waitFor, waitForDiagnostics } from '../helpers';

async function oneFinding(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  const [d] = await waitForDiagnostics(uri, 'one finding', (ds) => ds.length === 1);
  assert.ok(d);
  return d;
}

suite('quick fixes and suppressions', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAll);

  test('the fix applies, the code parses, and the finding disappears', async () => {
    const uri = await scratch('fix.ts', DECODE_TS);
    const editor = await show(uri);
    const d = await oneFinding(uri);
    const actions = await codeActionsFor(uri, d);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Suppress ${DECODE_RULE} with a justification…`), titles.join(' | '));
    assert.ok(titles.includes(`Show documentation for ${DECODE_RULE}`), titles.join(' | '));
    assert.ok(actions.every((a) => !a.isPreferred), 'no fix is preferred (nothing is applied in bulk)');
    const fix = actions.find((a) => a.title.startsWith('Verify the token'));
    assert.ok(fix?.edit, `a verify fix among: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(3).text, /jwt\.verify\(token, process\.env\.JWT_PUBLIC_KEY \?\? '', \{ algorithms: \['RS256'\]/);
    await waitForDiagnostics(uri, 'no findings after the fix', (ds) => ds.length === 0);
  });

  test('fixes follow trustline.identityProvider (auth0 → JWKS verifier)', async () => {
    const uri = await scratch('route.ts', DECODE_TS);
    const editor = await show(uri);
    await oneFinding(uri);
    await setSetting('trustline.identityProvider', 'auth0');
    try {
      const edit = await waitFor('the auth0 variant of the fix', async () => {
        const d = vscode.languages.getDiagnostics(uri).find((x) => x.source === 'trustline');
        if (!d) return undefined;
        const fix = (await codeActionsFor(uri, d)).find((x) => x.title.startsWith('Verify the token'));
        return fix?.edit?.entries().some(([, es]) => es.some((e) => e.newText.includes('createRemoteJWKSet'))) ? fix.edit : undefined;
      });
      assert.ok(await vscode.workspace.applyEdit(edit));
      const text = editor.document.getText();
      assert.match(text, /^import \{ createRemoteJWKSet, jwtVerify \} from 'jose';$/m);
      assert.match(text, /\(await jwtVerify\(token, auth0Jwks, \{ issuer: `https:\/\/\$\{process\.env\.AUTH0_DOMAIN\}\/`, audience: process\.env\.AUTH0_AUDIENCE, algorithms: \['RS256'\] \}\)\)\.payload/);
      assert.match(text, /const auth0Jwks = createRemoteJWKSet\(new URL\(`https:\/\/\$\{process\.env\.AUTH0_DOMAIN\}\/\.well-known\/jwks\.json`\)\);/);
      await waitForDiagnostics(uri, 'no findings after the fix', (ds) => ds.length === 0);
    } finally {
      await setSetting('trustline.identityProvider', undefined);
    }
  });

  test('suppress with a justification writes the comment with the line\'s indentation', async () => {
    const uri = await scratch('suppress.ts', DECODE_TS);
    const editor = await show(uri);
    const d = await oneFinding(uri);
    const ok = await vscode.commands.executeCommand<boolean>('trustline.suppress', uri, d.range.start.line, DECODE_RULE, 'claims are only logged, never trusted');
    assert.equal(ok, true);
    assert.equal(editor.document.lineAt(3).text, `  // trustline-ignore-next-line ${DECODE_RULE} -- claims are only logged, never trusted`);
    assert.match(editor.document.lineAt(4).text, /^ {2}const claims = jwt\.decode/);
    await waitForDiagnostics(uri, 'finding suppressed', (ds) => ds.length === 0);
  });

  test('an empty justification is refused and nothing is written', async () => {
    const uri = await scratch('refuse.ts', DECODE_TS);
    const editor = await show(uri);
    const d = await oneFinding(uri);
    const before = editor.document.getText();
    for (const reason of ['', '   ']) {
      const ok = await vscode.commands.executeCommand<boolean>('trustline.suppress', uri, d.range.start.line, DECODE_RULE, reason);
      assert.equal(ok, false, `reason ${JSON.stringify(reason)} must be refused`);
    }
    // Through the input box: cancelling it writes nothing either.
    const pending = vscode.commands.executeCommand<boolean>('trustline.suppress', uri, d.range.start.line, DECODE_RULE);
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, false);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    await oneFinding(uri);
  });

  test('"Show documentation" opens the rule\'s docs', async () => {
    const uri = await scratch('docs.ts', DECODE_TS);
    await show(uri);
    await oneFinding(uri);
    assert.equal(await vscode.commands.executeCommand<boolean>('trustline.showRuleDocs', DECODE_RULE), true);
    const tab = await waitFor('a docs.md tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('docs.md')));
    assert.ok(tab);
  });
});
