/**
 * The engine is loaded on first use, not at activation: `dist/engine.js` (ts-morph's TypeScript included) is
 * several megabytes, and activation must stay cheap. `./engine.js` is resolved next to `dist/extension.js`
 * (scripts/build.mjs keeps it external).
 */
import type * as Engine from '../engine';

export type EngineModule = typeof Engine;

let loaded: EngineModule | undefined;

export function engine(): EngineModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./engine.js') as EngineModule);
}

/** `true` once the engine module has been loaded. */
export function engineLoaded(): boolean {
  return loaded !== undefined;
}
