import * as path from 'node:path';
import { ts } from './ts';

/** File extensions the engine analyzes. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** `true` when the path has one of {@link SOURCE_EXTENSIONS} (declaration files excluded). */
export function isSourceFile(file: string): boolean {
  if (/\.d\.[mc]?ts$/i.test(file)) return false;
  const ext = path.extname(file).toLowerCase();
  return (SOURCE_EXTENSIONS as readonly string[]).includes(ext);
}

function scriptKindFor(file: string): ts.ScriptKind {
  switch (path.extname(file).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

/**
 * Parses one file with parent pointers set. The compiler's parser recovers from syntax errors, so a broken
 * file still yields a tree; `parseDiagnostics` tells how broken it is.
 */
export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
}

/** Syntax errors the parser recovered from (an internal field of the compiler, read defensively). */
export function parseErrorCount(sf: ts.SourceFile): number {
  const diags: unknown = Reflect.get(sf, 'parseDiagnostics');
  return Array.isArray(diags) ? diags.length : 0;
}
