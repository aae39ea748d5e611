// Bundles the extension-host test runner and the integration suites into out/test/ (esbuild).
// Each `*.test.ts` is its own bundle: mocha loads them one by one after setting up its globals.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const common = { bundle: true, platform: 'node', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', legalComments: 'none' };

fs.rmSync('out/test', { recursive: true, force: true });
// The runner runs on the project's Node 20.
await build({ ...common, target: 'node20', entryPoints: ['scripts/run-ext-tests.ts'], outfile: 'out/test/run-ext-tests.js', external: ['playwright-core'] });
// The suites run inside the extension host (Node 24): `vscode` comes from the host, mocha from node_modules.
for (const suite of ['trusted', 'untrusted']) {
  const dir = path.join('test/integration', suite);
  const tests = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
  await build({ ...common, target: 'node20', entryPoints: tests, outdir: `out/test/integration/${suite}`, external: ['vscode', 'mocha'] });
  await build({ ...common, target: 'node20', entryPoints: ['test/integration/index.ts'], outfile: `out/test/integration/${suite}/index.js`, external: ['vscode', 'mocha'] });
}
