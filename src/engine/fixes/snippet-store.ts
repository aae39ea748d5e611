import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDataFile } from '../rules/read-data-file';
import { validateAgainst } from '../rules/schema-validator';
import type { Notice } from '../types';
import type { SnippetDefinition } from './snippet-types';

const cache = new Map<string, SnippetDefinition | Notice>();

function isSnippet(v: unknown): v is SnippetDefinition {
  return typeof v === 'object' && v !== null && validateAgainst('snippet', v).length === 0;
}

/** The file of snippet `id` in a snippets folder, if it exists. */
export function snippetFile(snippetsDir: string, id: string): string | undefined {
  const key = `${snippetsDir}\0${id}`;
  if (fileCache.has(key)) return fileCache.get(key);
  let found: string | undefined;
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = path.join(snippetsDir, `${id}${ext}`);
    if (fs.existsSync(file)) {
      found = file;
      break;
    }
  }
  fileCache.set(key, found);
  return found;
}

/** Snippet lookups per folder and id: findings ask for the same few snippets over and over. */
const fileCache = new Map<string, string | undefined>();

/** Loads and validates a snippet file once; an invalid one yields a notice with the JSON pointer. */
export function loadSnippet(file: string): SnippetDefinition | Notice {
  const hit = cache.get(file);
  if (hit) return hit;
  let result: SnippetDefinition | Notice;
  try {
    const data = readDataFile(file);
    const issues = data.errors.length > 0 ? data.errors.map((e) => ({ pointer: '', message: `line ${e.line}: ${e.message}` })) : validateAgainst('snippet', data.data);
    if (issues.length > 0 || !isSnippet(data.data)) {
      const first = issues[0];
      result = {
        level: 'error',
        code: 'invalid-snippet',
        message: `${path.basename(file)}${first ? `${first.pointer ? ` at ${first.pointer}` : ''}: ${first.message}` : ': invalid snippet'}`,
        file,
        pointer: first?.pointer,
        line: first ? data.lineOf(first.pointer) : undefined,
      };
    } else {
      result = data.data;
    }
  } catch (err) {
    result = { level: 'error', code: 'invalid-snippet', message: `${file}: ${(err as Error).message}`, file };
  }
  cache.set(file, result);
  return result;
}
