/**
 * Loaded by the extension host (it is the `extensionTestsPath` of scripts/run-ext-tests.ts). Runs the
 * `*.test.js` files beside it with mocha and writes `{ passed, failed }` to the file named by env
 * `EXT_TEST_RESULTS`. A rejection makes the extension host exit with code 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Every line carries "[ext-tests]" so the runner can pick test output out of the workbench log. */
class MarkedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const out = (...args: unknown[]): void => console.log('[ext-tests]', ...args);
    runner.on('suite', (s) => {
      if (s.title) out(s.fullTitle());
    });
    runner.on('pass', (t) => out(`  ok   ${t.title} (${t.duration ?? 0} ms)`));
    runner.on('fail', (t, err: unknown) => out(`  FAIL ${t.title}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
    runner.on('pending', (t) => out(`  skip ${t.title}`));
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: MarkedReporter, grep: process.env.EXT_TEST_GREP });
  for (const f of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  const resultsFile = process.env.EXT_TEST_RESULTS; // set by the runner, inherited through code-server
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const api: unknown = vscode.extensions.getExtension('trustline.trustline')?.exports;
      const activationMs = typeof api === 'object' && api !== null ? Reflect.get(api, 'activationMs') : undefined;
      const summary = { passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0, node: process.version, activationMs };
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary));
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
