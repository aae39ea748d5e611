/**
 * The TypeScript compiler API the engine uses: the copy bundled with ts-morph, so parsing here and in
 * ts-morph projects (cross-file rules) agrees on one compiler version.
 */
import { ts } from 'ts-morph';

export { ts };
