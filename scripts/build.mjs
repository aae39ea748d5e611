// Bundles the CLI, the engine and the VS Code extension with esbuild.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js' });
// The VS Code extension: `vscode` comes from the host; the engine is loaded lazily from dist/engine.js
// (src/vscode/engine-loader.ts) so activation does not parse ts-morph's TypeScript.
await build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './engine.js'] });
