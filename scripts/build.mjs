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

/**
 * The engine only uses `ts` from ts-morph (its bundled TypeScript), never a ts-morph Project, so the bundle
 * takes that one module instead of all of ts-morph and @ts-morph/common: ~4 MB less code to load and keep.
 * ts-morph's own `ts` export is this same file (`@ts-morph/common/dist/typescript.js`).
 */
const tsMorphTsOnly = {
  name: 'ts-morph-ts-only',
  setup(b) {
    b.onResolve({ filter: /^ts-morph$/ }, () => ({ path: path.resolve('scripts/ts-morph-ts-only.cjs') }));
  },
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [tsMorphTsOnly] });
await build({ ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js', plugins: [tsMorphTsOnly] });

// Snapshot of the validated built-in pack (dist/builtin-pack.json): the engine loads it without YAML parsing or
// schema compilation while it matches the sources. A pack with errors fails the build.
{
  const { createRequire } = await import('node:module');
  const engine = createRequire(import.meta.url)('../dist/engine.js');
  const set = engine.writeBuiltinSnapshot(engine.builtinPackDir());
  const errors = set.notices.filter((n) => n.level === 'error');
  if (errors.length > 0) {
    for (const e of errors) console.error(`build: ${e.message}`);
    process.exit(1);
  }
}
// The VS Code extension: `vscode` comes from the host; the engine is loaded lazily from dist/engine.js
// (src/vscode/engine-loader.ts) so activation does not parse ts-morph's TypeScript.
await build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './engine.js'], plugins: [engineExternal] });
// The workspace audit's worker thread (src/vscode/audit-worker.ts): discovery from the CLI, engine from dist/engine.js.
await build({ ...common, entryPoints: ['src/vscode/audit-worker.ts'], outfile: 'dist/audit-worker.js', external: ['./engine.js'], plugins: [engineExternal] });
