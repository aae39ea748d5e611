// Build-time stand-in for `ts-morph` in the engine bundles (see scripts/build.mjs): exports only `ts`,
// the TypeScript compiler ts-morph bundles, from the same file ts-morph itself loads it from.
'use strict';
module.exports = { ts: require('@ts-morph/common/dist/typescript.js') };
