import * as fs from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';

/** A parsed YAML or JSON file that can map JSON pointers back to lines. */
export interface DataFile {
  data: unknown;
  /** 1-based line of the value at a JSON pointer (or of its nearest existing parent). */
  lineOf(pointer: string): number | undefined;
  /** Syntax errors with their lines. */
  errors: Array<{ message: string; line: number }>;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Reads a `.yaml`, `.yml` or `.json` file (JSON is parsed as YAML, which keeps source positions). */
export function readDataFile(file: string): DataFile {
  const text = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, line: lineCounter.linePos(e.pos[0]).line }));
  return {
    data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    errors,
    lineOf(pointer: string) {
      const parts = decodePointer(pointer);
      for (let n = parts.length; n >= 0; n--) {
        const keys = parts.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const node: unknown = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
