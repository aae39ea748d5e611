import * as fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';

/** A parsed YAML or JSON file that can map JSON pointers back to lines. */
export interface DataFile {
  data: unknown;
  /** 1-based line of the value at a JSON pointer (or of its nearest existing parent). */
  lineOf(pointer: string): number | undefined;
  /** 1-based line of the key of the map entry at a JSON pointer (where `key: value` starts), else {@link lineOf}. */
  keyLineOf(pointer: string): number | undefined;
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
  const result: DataFile = {
    data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    errors,
    keyLineOf(pointer: string) {
      const parts = decodePointer(pointer);
      const last = parts[parts.length - 1];
      if (last !== undefined) {
        const parentKeys = parts.slice(0, -1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const parent: unknown = parentKeys.length === 0 ? doc.contents : doc.getIn(parentKeys, true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === last);
          if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
        }
      }
      return result.lineOf(pointer);
    },
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
  return result;
}
