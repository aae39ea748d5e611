import * as path from 'node:path';
import { ts } from './ts';

/** File extensions the engine analyzes. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

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
 * Parser options: no rule reads JSDoc, so its comments are not parsed into nodes (in JavaScript files the parser
 * otherwise builds a JSDoc tree for every doc comment; the editor's incremental re-parse keeps this setting).
 */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/**
 * Parses one file. Parent pointers are not set here: the engine's single walk (`indexFile`) sets them, which
 * saves the parser's extra pass over the tree. The parser recovers from syntax errors, so a broken file still
 * yields a tree; `parseErrorCount` tells how broken it is.
 */
export function parseSource(file: string, text: string): ts.SourceFile {
  const sf = ts.createSourceFile(file, text, PARSE_OPTIONS, false, scriptKindFor(file));
  freshTrees.add(sf);
  return sf;
}

const freshTrees = new WeakSet<ts.SourceFile>();

/**
 * The file's distinct identifiers (the parser's intern table) when `sf` came from a full parse. A tree from the
 * incremental parser reuses subtrees whose identifiers are not in its table, so there the answer is undefined.
 */
export function internedIdentifiers(sf: ts.SourceFile): Iterable<string> | undefined {
  if (!freshTrees.has(sf)) return undefined;
  const table: unknown = Reflect.get(sf, 'identifiers');
  return table instanceof Map ? table.keys() : undefined;
}

/** Syntax errors the parser recovered from (an internal field of the compiler, read defensively). */
export function parseErrorCount(sf: ts.SourceFile): number {
  const diags: unknown = Reflect.get(sf, 'parseDiagnostics');
  return Array.isArray(diags) ? diags.length : 0;
}
