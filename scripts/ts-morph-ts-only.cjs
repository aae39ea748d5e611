// Build-time stand-in for `ts-morph` in the engine bundles (see scripts/build.mjs): exports only `ts`,
// the TypeScript compiler ts-morph bundles, from the same file ts-morph itself loads it from.
// The module's exports are getters (one call per `ts.X` access on the hot path); a plain copy reads them once.
'use strict';
module.exports = { ts: Object.assign({}, require('@ts-morph/common/dist/typescript.js')) };
