/**
 * Team policy files (`.trustline.yaml`) in the editor: a change re-lints open documents, the policy routes quick
 * fixes (its identityProvider wins over the setting), nested policies override the root one for their subtree,
 * and an invalid policy shows its problems on the policy file while the built-in rules keep running.
 *
 * Every policy file is written by the test that uses it and deleted in `teardown`, so the suites around this
 * one (which share the workspace) never see a policy.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, closeAll, codeActionsFor, DECODE_RULE, DECODE_TS, ruleIdOf, scratch, setSetting, trustline, waitFor, waitForDiagnostics, wsUri } from '../helpers';

/** The file watcher can take a moment to report a write. */
const WATCH_MS = 20_000;
const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

/** Policy files written by the running test (workspace-relative), deleted by teardown. */
const written = new Set<string>();

async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function writePolicy(rel: string, text: string): Promise<vscode.Uri> {
  written.add(rel);
  return writeFile(rel, text);
}

async function deletePolicy(rel: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(wsUri(rel), { useTrash: false });
  } catch (err) {
    if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
  }
  written.delete(rel);
}

/** Opens a document in its own (non-preview) tab, so opening the next one does not close it. */
async function showPinned(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Waits for exactly one DECODE_RULE finding with this severity (`undefined`: no finding at all). */
function waitForDecode(uri: vscode.Uri, what: string, severity: vscode.DiagnosticSeverity | undefined): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, what, (ds) => (severity === undefined ? ds.length === 0 : ds.length === 1 && ruleIdOf(ds[0]!) === DECODE_RULE && ds[0]!.severity === severity), WATCH_MS);
}

/** The "Verify the token" quick fix offered for the file's finding, with the text it would insert. */
async function verifyFix(uri: vscode.Uri): Promise<{ action: vscode.CodeAction; text: string } | undefined> {
  const d = trustline(uri).find((x) => ruleIdOf(x) === DECODE_RULE);
  if (!d) return undefined;
  let actions: vscode.CodeAction[];
  try {
    actions = await codeActionsFor(uri, d);
  } catch {
    return undefined; // a provider run cancelled by a concurrent re-lint: ask again
  }
  const action = actions.find((a) => a.title.startsWith('Verify the token'));
  if (!action?.edit) return undefined;
  return { action, text: action.edit.entries().flatMap(([, edits]) => edits.map((e) => e.newText)).join('\n') };
}

const isAuth0 = (text: string): boolean => text.includes('createRemoteJWKSet') && text.includes('jwtVerify(token, auth0Jwks');
const isDefault = (text: string): boolean => text.includes("jwt.verify(token, process.env.JWT_PUBLIC_KEY ?? ''") && !text.includes('jose');

/** Waits until the quick fix is the auth0 (JWKS) variant or the default jsonwebtoken one. */
async function waitForFix(uri: vscode.Uri, variant: 'auth0' | 'default'): Promise<{ action: vscode.CodeAction; text: string }> {
  return waitFor(
    `the ${variant} variant of the fix`,
    async () => {
      const fix = await verifyFix(uri);
      return fix && (variant === 'auth0' ? isAuth0(fix.text) : isDefault(fix.text)) ? fix : undefined;
    },
    WATCH_MS,
  );
}

suite('team policy (.trustline.yaml)', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    for (const rel of [...written]) await deletePolicy(rel);
    await setSetting('trustline.identityProvider', undefined);
    await closeAll();
  });

  test('writing, changing and deleting a policy re-lints the open document without touching it', async function () {
    this.timeout(90_000);
    const uri = await scratch('policy-relint.ts', DECODE_TS);
    const editor = await showPinned(uri);
    await waitForDecode(uri, 'the built-in error', ERROR);
    const version = editor.document.version;

    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: off\n`);
    await waitForDecode(uri, 'the finding gone (rule off in the policy)', undefined);

    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: warning\n`);
    await waitForDecode(uri, 'a warning (severity from the policy)', WARNING);

    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: { enabled: true, severity: info }\n`);
    await waitForDecode(uri, 'an info (full form of the rule setting)', INFO);

    await deletePolicy('.trustline.yaml');
    const [d] = await waitForDecode(uri, 'the error again after the policy is deleted', ERROR);
    assert.equal(editor.document.getText(d!.range), 'jwt.decode');
    assert.equal(editor.document.version, version, 'the document was not edited');
    assert.equal(editor.document.isDirty, false);
  });

  test('trustline.severityOverrides still apply on top of the policy', async function () {
    this.timeout(60_000);
    const uri = await scratch('policy-overrides.ts', DECODE_TS);
    await showPinned(uri);
    await waitForDecode(uri, 'the built-in error', ERROR);
    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: off\n`);
    await waitForDecode(uri, 'rule off in the policy', undefined);
    try {
      await setSetting('trustline.severityOverrides', { [DECODE_RULE]: 'warning' });
      await waitForDecode(uri, 'a warning: the setting wins over the policy', WARNING);
    } finally {
      await setSetting('trustline.severityOverrides', undefined);
    }
    await waitForDecode(uri, 'off again without the override', undefined);
  });

  test('quick fixes follow the policy\'s identityProvider over trustline.identityProvider, and the setting again once the policy is gone', async function () {
    this.timeout(90_000);
    const uri = await scratch('policy-route.ts', DECODE_TS);
    const editor = await showPinned(uri);
    await waitForDecode(uri, 'the finding', ERROR);

    // Setting okta (no okta variant): the default jsonwebtoken fix. The policy's auth0 wins over it.
    await setSetting('trustline.identityProvider', 'okta');
    await waitForFix(uri, 'default');
    await writePolicy('.trustline.yaml', 'identityProvider: auth0\n');
    const auth0 = await waitForFix(uri, 'auth0');
    assert.match(auth0.text, /^import \{ createRemoteJWKSet, jwtVerify \} from 'jose';$/m);
    await deletePolicy('.trustline.yaml');
    await waitForFix(uri, 'default');

    // The other way round: setting auth0 routes to the JWKS verifier until a policy names another provider.
    await setSetting('trustline.identityProvider', 'auth0');
    await waitForFix(uri, 'auth0');
    await writePolicy('.trustline.yaml', 'identityProvider: okta\nsecretStore: env\n');
    const fix = await waitForFix(uri, 'default');

    // The fix applied is the policy's: jsonwebtoken's verify, no jose.
    assert.ok(await vscode.workspace.applyEdit(fix.action.edit!));
    const text = editor.document.getText();
    assert.match(text, /jwt\.verify\(token, process\.env\.JWT_PUBLIC_KEY \?\? '', \{ algorithms: \['RS256'\]/);
    assert.doesNotMatch(text, /jose|createRemoteJWKSet/);
    await waitForDecode(uri, 'no finding after the fix', undefined);

    await deletePolicy('.trustline.yaml');
    const undo = await scratch('policy-route-after.ts', DECODE_TS);
    await showPinned(undo);
    await waitForFix(undo, 'auth0');
  });

  test('a nested policy overrides the root one for the files under its folder', async function () {
    this.timeout(90_000);
    const outer = await writeFile('policy-nested/outer.ts', DECODE_TS);
    const inner = await writeFile('policy-nested/sub/inner.ts', DECODE_TS);
    await showPinned(outer);
    await showPinned(inner);
    await waitForDecode(outer, 'the built-in error (outer)', ERROR);
    await waitForDecode(inner, 'the built-in error (inner)', ERROR);

    // Root: a warning everywhere; nested: off below policy-nested/sub.
    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: warning\n`);
    await waitForDecode(outer, 'a warning from the root policy (outer)', WARNING);
    await waitForDecode(inner, 'a warning from the root policy (inner)', WARNING);
    await writePolicy('policy-nested/sub/.trustline.yaml', `rules:\n  ${DECODE_RULE}: off\n`);
    await waitForDecode(inner, 'off below the nested policy', undefined);
    await waitForDecode(outer, 'still a warning outside the nested folder', WARNING);

    // Root: off and auth0; nested: re-enabled as info, with its own provider (which wins for its files).
    await writePolicy('.trustline.yaml', `identityProvider: auth0\nrules:\n  ${DECODE_RULE}: off\n`);
    await writePolicy('policy-nested/sub/.trustline.yaml', `identityProvider: okta\nrules:\n  ${DECODE_RULE}: { enabled: true, severity: info }\n`);
    await waitForDecode(outer, 'off by the root policy (outer)', undefined);
    await waitForDecode(inner, 'info from the nested policy', INFO);
    await waitForFix(inner, 'default');

    // Nested policy gone: the root's settings apply below it again.
    await deletePolicy('policy-nested/sub/.trustline.yaml');
    await waitForDecode(inner, 'off by the root policy (inner)', undefined);
    await deletePolicy('.trustline.yaml');
    await waitForDecode(outer, 'the built-in error again (outer)', ERROR);
    await waitForDecode(inner, 'the built-in error again (inner)', ERROR);
  });

  test('the policy\'s ignore globs clear the diagnostics of the files they match', async function () {
    this.timeout(60_000);
    const kept = await writeFile('policy-ignore/kept.ts', DECODE_TS);
    const ignored = await writeFile('policy-ignore/skipped/ignored.ts', DECODE_TS);
    await showPinned(kept);
    await showPinned(ignored);
    await waitForDecode(ignored, 'the built-in error (ignored file)', ERROR);
    await writePolicy('.trustline.yaml', 'ignore:\n  - "policy-ignore/skipped/**"\n');
    await waitForDecode(ignored, 'no diagnostics on the ignored file', undefined);
    await waitForDecode(kept, 'the other file is still analyzed', ERROR);
    await deletePolicy('.trustline.yaml');
    await waitForDecode(ignored, 'analyzed again once the policy is gone', ERROR);
  });

  test('an invalid policy gets a diagnostic on the policy file (once); the valid rest applies and the built-in rules keep running', async function () {
    this.timeout(90_000);
    const uri = await scratch('policy-invalid.ts', DECODE_TS);
    const editor = await showPinned(uri);
    await waitForDecode(uri, 'the built-in error', ERROR);

    const policy = await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: warning\nidentityProvidr: auth0\n`);
    const [pd] = await waitForDiagnostics(policy, 'a diagnostic on the policy file', (ds) => ds.length === 1, WATCH_MS);
    assert.equal(pd!.code, 'invalid-policy');
    assert.equal(pd!.severity, ERROR);
    assert.equal(pd!.range.start.line, 2);
    assert.match(pd!.message, /^\.trustline\.yaml:3 at \/identityProvidr: unknown key "identityProvidr"; did you mean "identityProvider"\?/);
    // The invalid key is dropped, the rest of the policy applies: the rule still runs, as a warning.
    await waitForDecode(uri, 'the finding, as a warning from the valid part of the policy', WARNING);

    // Editing the document re-lints it; the policy problem is not reported a second time.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// edited\n'));
    await waitForDiagnostics(uri, 'the finding on its new line', (ds) => ds.length === 1 && ds[0]!.range.start.line === 4 && ds[0]!.severity === WARNING, WATCH_MS);
    assert.equal(trustline(policy).length, 1, 'the policy problem is shown once');

    // A broken policy file (not YAML at all) is reported too, and the built-in rules run with their defaults.
    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: [warning\n`);
    await waitForDiagnostics(policy, 'a syntax problem on the policy file', (ds) => ds.length >= 1 && ds.every((x) => /not valid YAML/.test(x.message)), WATCH_MS);
    await waitForDecode(uri, 'the built-in error with an unreadable policy', ERROR);

    // Fixed: the problem disappears from the policy file.
    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: warning\nidentityProvider: auth0\n`);
    await waitForDiagnostics(policy, 'no problems on the fixed policy', (ds) => ds.length === 0, WATCH_MS);
    await waitForDecode(uri, 'a warning under the fixed policy', WARNING);
  });

  test('a policy change re-lints open documents only: a closed document\'s diagnostics do not come back', async function () {
    this.timeout(60_000);
    const closed = await scratch('policy-closed.ts', DECODE_TS);
    const witness = await scratch('policy-witness.ts', DECODE_TS);
    await showPinned(closed);
    await waitForDecode(closed, 'the built-in error (to be closed)', ERROR);
    await showPinned(witness);
    await waitForDecode(witness, 'the built-in error (stays open)', ERROR);
    await showPinned(closed);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDecode(closed, 'diagnostics cleared on close', undefined);
    // VS Code keeps the closed document's model for a while; the re-lint after the policy change must skip it.
    await writePolicy('.trustline.yaml', `rules:\n  ${DECODE_RULE}: warning\n`);
    await waitForDecode(witness, 'the open document re-linted (warning)', WARNING);
    assert.deepEqual(trustline(closed), [], 'the closed document got diagnostics again');
  });

  test('problems on a policy file show and clear on it even with no document open', async function () {
    this.timeout(60_000);
    await closeAll();
    const policy = await writePolicy('.trustline.yaml', 'identityProvidr: auth0\n');
    const [pd] = await waitForDiagnostics(policy, 'a diagnostic on the new policy file', (ds) => ds.length === 1, WATCH_MS);
    assert.match(pd!.message, /unknown key "identityProvidr"/);
    await writePolicy('.trustline.yaml', 'identityProvider: auth0\n');
    await waitForDiagnostics(policy, 'cleared once the policy is fixed', (ds) => ds.length === 0, WATCH_MS);
    await writePolicy('.trustline.yaml', 'identityProvidr: auth0\n');
    await waitForDiagnostics(policy, 'the problem again', (ds) => ds.length === 1, WATCH_MS);
    await deletePolicy('.trustline.yaml');
    await waitForDiagnostics(policy, 'the deleted policy\'s problems cleared', (ds) => ds.length === 0, WATCH_MS);
  });
});
