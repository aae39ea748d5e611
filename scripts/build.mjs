// Bundles the CLI, the engine and the VS Code extension with esbuild.
import { build } from 'esbuild';
import * as path from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Imports of the engine (src/engine/index.ts) become `require('./engine.js')`: one engine copy in dist/. */
const engineExternal = {
  name: 'engine-external',
  setup(b) {
    const engineDir = path.resolve('src/engine');
    b.onResolve({ filter: /(^|\/)engine(\/index)?$/ }, (args) => {
      if (!args.importer) return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      return target === engineDir || target === path.join(engineDir, 'index') ? { path: './engine.js', external: true } : undefined;
    });
  },
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js' });
// The VS Code extension: `vscode` comes from the host; the engine is loaded lazily from dist/engine.js
// (src/vscode/engine-loader.ts) so activation does not parse ts-morph's TypeScript.
await build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './engine.js'], plugins: [engineExternal] });
// The workspace audit's worker thread (src/vscode/audit-worker.ts): discovery from the CLI, engine from dist/engine.js.
await build({ ...common, entryPoints: ['src/vscode/audit-worker.ts'], outfile: 'dist/audit-worker.js', external: ['./engine.js'], plugins: [engineExternal] });
