/**
 * The TypeScript compiler API the engine uses: the copy bundled with ts-morph, so parsing here and in
 * ts-morph projects (cross-file rules) agrees on one compiler version.
 */
import { ts as tsMorphTs } from 'ts-morph';

// An import alias is read once at load; re-exporting the binding would go through two getters per `ts.X`
// access in the bundle, which showed up as several percent of analysis time.
export import ts = tsMorphTs;
