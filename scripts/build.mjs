// Bundles the CLI (and later the extension) with esbuild.
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
