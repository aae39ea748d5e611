import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAll, DECODE_RULE, EXTENSION_ID, DECODE_TS, ruleIdOf, setSetting, waitFor, workspaceRoot, wsUri, type AuditNode, type AuditOutcome, type TrustlineApi } from '../helpers';

/** Flattens the view: category label → file label → finding descriptions. */
function treeShape(api: TrustlineApi): { category: string; description: string; files: { label: string; description: string; findings: vscode.TreeItem[] }[] }[] {
  return api.treeChildren().map((c) => {
    const item = api.treeItem(c);
    return {
      category: String(item.label),
      description: String(item.description),
      files: api.treeChildren(c).map((f) => {
        const fileItem = api.treeItem(f);
        return { label: String(fileItem.label), description: String(fileItem.description), findings: api.treeChildren(f).map((x) => api.treeItem(x)) };
      }),
    };
  });
}

function leaves(api: TrustlineApi): AuditNode[] {
  return api.treeChildren().flatMap((c) => api.treeChildren(c)).flatMap((f) => api.treeChildren(f));
}

suite('workspace audit', () => {
  let api: TrustlineApi;
  suiteSetup(async () => {
    api = await activate();
    // A file only .gitignore keeps out of the audit (the workspace's .gitignore lists ignored/).
    fs.mkdirSync(path.join(workspaceRoot(), 'ignored'), { recursive: true });
    fs.writeFileSync(path.join(workspaceRoot(), 'ignored', 'decode.ts'), DECODE_TS);
  });
  teardown(closeAll);

  test('audit populates the Trustline view (category → file → finding) and the audit diagnostics; .gitignore and trustline.exclude are respected', async () => {
    await setSetting('trustline.exclude', ['**/node_modules/**', 'generated/**']);
    try {
      const outcome = await vscode.commands.executeCommand<AuditOutcome>('trustline.auditWorkspace');
      assert.equal(outcome.status, 'completed');
      assert.ok(outcome.total >= 3 && outcome.done === outcome.total, JSON.stringify(outcome));
      const results = api.auditResults();
      assert.ok(results);
      const rel = (f: string): string => path.relative(workspaceRoot(), f).split(path.sep).join('/');
      const files = new Set(results.findings.map((f) => rel(f.file)));
      assert.ok(files.has('src/decode.ts'), `files with findings: ${[...files].join(', ')}`);
      assert.ok(![...files].some((f) => f.startsWith('ignored/')), 'a .gitignore-d file was audited');
      assert.ok(![...files].some((f) => f.startsWith('generated/')), 'an excluded file was audited');
      assert.ok(!results.analyzed.some((f) => rel(f).startsWith('ignored/') || rel(f).startsWith('generated/')));

      const shape = treeShape(api);
      const verify = shape.find((c) => c.category === 'token.verify');
      assert.ok(verify, `categories: ${shape.map((c) => c.category).join(', ')}`);
      assert.match(verify.description, /^\d+ findings? in \d+ files?$/);
      const decodeFile = verify.files.find((f) => f.label === 'decode.ts' && f.description.startsWith('src'));
      assert.ok(decodeFile, JSON.stringify(verify.files.map((f) => [f.label, f.description])));
      assert.match(decodeFile.description, /· 1$/);
      const [finding] = decodeFile.findings;
      assert.ok(finding);
      assert.match(String(finding.description), new RegExp(`^${DECODE_RULE} · Ln 4$`));
      assert.match(String(api.treeView.message), /^\d+ findings? in \d+ files? · [\d,]+ files? audited in/);

      // The audit's own DiagnosticCollection: the file is not open, so these are the audit's diagnostics.
      const uri = wsUri('src/decode.ts');
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'trustline');
      assert.deepEqual(ds.map(ruleIdOf), [DECODE_RULE]);
      assert.equal(ds[0]!.range.start.line, 3);

      // Clicking the finding opens its location.
      await vscode.commands.executeCommand(finding.command!.command, ...(finding.command!.arguments ?? []));
      const editor = await waitFor('the finding opened in an editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath ? vscode.window.activeTextEditor : undefined));
      assert.equal(editor.selection.start.line, 3);
      assert.equal(editor.document.getText(editor.selection), 'jwt.decode');
    } finally {
      await setSetting('trustline.exclude', undefined);
    }
  });

  test('filter by severity narrows the tree; clearing the filter shows everything again', async () => {
    const all = leaves(api).length;
    assert.ok(all > 0);
    const shown = await vscode.commands.executeCommand<string[]>('trustline.filterAuditSeverity', ['warning', 'info']);
    assert.deepEqual(shown, ['warning', 'info']);
    const filtered = leaves(api);
    assert.ok(filtered.length < all, `${filtered.length} of ${all}`);
    assert.ok(filtered.every((n) => n.kind === 'finding' && n.finding.severity !== 'error'));
    assert.equal(api.treeView.description, 'warning, info only');
    await vscode.commands.executeCommand('trustline.filterAuditSeverity', ['error', 'warning', 'info']);
    assert.equal(leaves(api).length, all);
    assert.equal(api.treeView.description, undefined);
  });

  test('export writes valid SARIF 2.1.0 and JSON with the CLI reporters', async () => {
    const results = api.auditResults();
    assert.ok(results && results.status === 'completed');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-export-'));
    const sarifFile = await vscode.commands.executeCommand<string>('trustline.exportAudit', path.join(dir, 'audit.sarif'));
    assert.equal(sarifFile, path.join(dir, 'audit.sarif'));
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'trustline');
    assert.equal(run.results.length, results.findings.length);
    type SarifResult = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    const decode = run.results.find((r: SarifResult) => r.ruleId === DECODE_RULE && r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/decode.ts');
    assert.ok(decode, 'the src/decode.ts finding, with a URI relative to the workspace root');
    assert.equal(decode.locations[0].physicalLocation.region.startLine, 4);
    assert.ok(decode.partialFingerprints.primaryLocationLineHash);
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === DECODE_RULE));

    const jsonFile = await vscode.commands.executeCommand<string>('trustline.exportAudit', path.join(dir, 'audit.json'));
    const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    assert.equal(json.version, 1);
    assert.equal(json.findings.length, results.findings.length);
    assert.ok(json.findings.some((f: { ruleId: string; file: string }) => f.ruleId === DECODE_RULE && f.file === 'src/decode.ts'));
  });

  test('cancelling a large audit terminates the worker promptly and keeps the partial results, marked as such', async function () {
    this.timeout(120_000);
    const bulk = path.join(workspaceRoot(), 'bulk');
    fs.mkdirSync(bulk, { recursive: true });
    const body = DECODE_TS + Array.from({ length: 40 }, (_, i) => `export function helper${i}(token: string) {\n  return token.length > ${i} ? token.slice(${i}) : token;\n}\n`).join('');
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(bulk, `f${String(i).padStart(4, '0')}.ts`), body);
    try {
      // 1. The command palette path: trustline.cancelAudit cancels the command's CancellationTokenSource.
      const running = vscode.commands.executeCommand<AuditOutcome>('trustline.auditWorkspace');
      await waitFor('the audit to get going', () => {
        const r = api.auditResults();
        return r && r.status === 'running' && r.total >= 2000 && r.done >= 20;
      }, 60_000);
      const t0 = Date.now();
      assert.equal(await vscode.commands.executeCommand<boolean>('trustline.cancelAudit'), true);
      const outcome = await running;
      const ms = Date.now() - t0;
      assert.equal(outcome.status, 'cancelled');
      assert.ok(outcome.total >= 2000, JSON.stringify(outcome));
      assert.ok(outcome.done < outcome.total, `stopped early: ${outcome.done}/${outcome.total}`);
      assert.ok(ms < 2000, `cancellation took ${ms} ms`);
      const results = api.auditResults();
      assert.ok(results && results.status === 'cancelled');
      assert.ok(results.findings.length > 0, 'partial findings are kept');
      assert.ok(results.notices.some((n) => n.code === 'audit-cancelled'));
      assert.match(String(api.treeView.message), /^Audit cancelled after [\d,]+ of [\d,]+ files: partial results/);
      // The worker is gone: nothing arrives after the cancellation.
      const done = results.done;
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(api.auditResults()?.done, done);

      // 2. The API path: a CancellationToken passed to the command.
      const source = new vscode.CancellationTokenSource();
      const second = vscode.commands.executeCommand<AuditOutcome>('trustline.auditWorkspace', { token: source.token, silent: true });
      await waitFor('the second audit to get going', () => (api.auditResults()?.status === 'running' && (api.auditResults()?.done ?? 0) >= 5 ? true : undefined), 60_000);
      source.cancel();
      const outcome2 = await second;
      assert.equal(outcome2.status, 'cancelled');
      assert.ok(outcome2.done < outcome2.total);
    } finally {
      fs.rmSync(bulk, { recursive: true, force: true });
    }
  });

  test('the Trustline view shows the audit beside an editor with diagnostics', async function () {
    this.timeout(120_000);
    // A realistic app (the repository's sample app) so the view has several categories.
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    fs.cpSync(path.join(extensionPath, 'test', 'fixtures', 'sample-app'), path.join(workspaceRoot(), 'sample-app'), { recursive: true });
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('trustline.auditWorkspace', { silent: true });
    assert.equal(outcome.status, 'completed');
    await vscode.commands.executeCommand('workbench.view.extension.trustline');
    await waitFor('the view to be visible', () => api.treeView.visible);
    assert.ok(api.treeChildren().length >= 3, `categories: ${api.treeChildren().map((c) => c.category).join(', ')}`);
    for (const c of api.treeChildren()) await api.treeView.reveal(c, { expand: 1 });
    const uri = wsUri('sample-app/server/auth/tokens.ts');
    const editor = await vscode.window.showTextDocument(uri);
    const [first] = await waitFor('live diagnostics', () => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'trustline');
      return ds.length > 0 ? ds : undefined;
    });
    const at = first!.range.start.translate(0, 1);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(first!.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
    if (process.env.EXT_TEST_SCREENSHOT && process.env.EXT_TEST_RESULTS) {
      await new Promise((r) => setTimeout(r, 1500)); // let the hover and the tree render
      const done = `${process.env.EXT_TEST_RESULTS}.shot`;
      console.log('[trustline-screenshot-ready]');
      await waitFor('the runner to take the screenshot', () => fs.existsSync(done), 30_000);
    }
    assert.ok(api.treeView.visible);
  });
});
