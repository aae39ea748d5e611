import { FileContext } from '../../src/engine/context/file-context';
import { indexFile } from '../../src/engine/context/file-index';
import { compilePattern } from '../../src/engine/match/compile-pattern';
import { Captures } from '../../src/engine/match/compiled';
import type { Pattern } from '../../src/engine/match/pattern-types';
import { parseSource } from '../../src/engine/parse';
import type { CrossFileResolver } from '../../src/engine/flow/callee-definition';

/** A match of a pattern in a snippet of code: its 1-based line and source text. */
export interface TestMatch {
  line: number;
  text: string;
  captures: Record<string, string>;
}

/** Compiles `pattern` and runs it over `code` exactly as the analyzer does (one walk, dispatch by kind). */
export function matchCode(code: string, pattern: Pattern, file = '/work/app/src/server.ts', root = '/work/app', crossFile?: CrossFileResolver): TestMatch[] {
  const compiled = compilePattern(pattern);
  if (!compiled.kinds) throw new Error('pattern does not fix the node kind');
  const sf = parseSource(file, code);
  const index = indexFile(sf, compiled.kinds);
  const ctx = new FileContext(file, sf, index, root);
  ctx.crossFile = crossFile;
  const out: TestMatch[] = [];
  for (const kind of compiled.kinds) {
    for (const node of index.byKind.get(kind) ?? []) {
      const captures = new Captures();
      if (compiled.test(node, { ctx, captures })) {
        const caps: Record<string, string> = {};
        for (const [k, v] of captures.entries()) caps[k] = v.getText(sf);
        out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf), captures: caps });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Lines matched by `pattern` in `code`. */
export function matchedLines(code: string, pattern: Pattern, file?: string, root?: string, crossFile?: CrossFileResolver): number[] {
  return matchCode(code, pattern, file, root, crossFile).map((m) => m.line);
}
