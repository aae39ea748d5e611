import * as path from 'node:path';
import type { FileContext } from '../context/file-context';
import { boundNameOf, memberPathOf, nameOf } from '../match/node-names';
import { ts } from '../ts';
import type { Fix, TextEdit } from '../types';
import type { CaptureReader } from '../match/compiled';
import type { LangText, SnippetBody, SnippetDefinition } from './snippet-types';

/** Choices that select snippet variants (from settings or policy). */
export interface FixRouting {
  identityProvider?: string;
  secretStore?: string;
  /** Folder whose `.env.example` receives new variable names (the workspace root). */
  envExampleDir?: string;
}

/** `clientSecret` → `CLIENT_SECRET`, `jwt-secret` → `JWT_SECRET`. */
export function toEnvName(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return snake.length > 0 && /^[A-Z_]/.test(snake) ? snake : `SECRET_${snake}`;
}

function pick(text: LangText | undefined, isTs: boolean): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : isTs ? text.ts : text.js;
}

/** Rewrites `import { a } from 'm';` / `import x from 'm';` as `require` for CommonJS files. */
function toRequire(line: string): string {
  const named = /^import\s*\{([^}]*)\}\s*from\s*(['"][^'"]+['"]);?$/.exec(line.trim());
  if (named) return `const {${named[1]}} = require(${named[2]});`;
  const def = /^import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"][^'"]+['"]);?$/.exec(line.trim());
  if (def) return `const ${def[1]} = require(${def[2]});`;
  const ns = /^import\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s*(['"][^'"]+['"]);?$/.exec(line.trim());
  if (ns) return `const ${ns[1]} = require(${ns[2]});`;
  return line;
}

/** Offset after the last top-level import/require statement, or after leading directives. */
function importInsertOffset(sf: ts.SourceFile): { offset: number; esm: boolean } {
  let offset = 0;
  let esm = false;
  let sawRequire = false;
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isImportEqualsDeclaration(stmt)) {
      esm = true;
      offset = stmt.getEnd();
    } else if (ts.isVariableStatement(stmt) && stmt.declarationList.declarations.some((d) => d.initializer && /^require\(/.test(d.initializer.getText(sf)))) {
      sawRequire = true;
      offset = stmt.getEnd();
    } else if (ts.isExpressionStatement(stmt) && ts.isStringLiteral(stmt.expression) && offset === 0) {
      offset = stmt.getEnd();
    } else if (offset !== 0 || !ts.isExpressionStatement(stmt)) {
      break;
    }
  }
  const isModuleSyntax = esm || (!sawRequire && !/\.c[jt]s$/.test(sf.fileName) && (sf.fileName.endsWith('.ts') || sf.fileName.endsWith('.tsx') || sf.fileName.endsWith('.mjs') || sf.fileName.endsWith('.mts')));
  return { offset, esm: isModuleSyntax };
}

/** Context a fix renders placeholders from. */
export interface FixInput {
  ctx: FileContext;
  snippetId: string;
  snippet: SnippetDefinition;
  title: string;
  changesBehavior: boolean;
  target: ts.Node;
  captures: CaptureReader;
  envName?: string;
  routing: FixRouting;
}

/** Renders a snippet into text edits for one finding. Never touches the AST: fixes are plain data. */
export function buildFix(input: FixInput): Fix | undefined {
  const { ctx, snippet, target, captures, routing } = input;
  const sf = ctx.sourceFile;
  const isTs = /\.[cm]?tsx?$/.test(ctx.file);
  const variantKey = [routing.identityProvider, routing.secretStore].find((k) => k !== undefined && snippet.variants?.[k] !== undefined);
  const variant: SnippetBody = variantKey ? { ...snippet, ...snippet.variants![variantKey] } : snippet;
  const envName = input.envName ?? toEnvName(boundNameOf(target) ?? nameOf(target) ?? 'secret');
  const render = (template: string): string =>
    template.replace(/\{\{\s*([A-Za-z$][\w$]*)(\.name)?\s*\}\}/g, (whole, key: string, wantsName: string | undefined) => {
      if (key === 'envName') return envName;
      const node = key === 'node' || key === 'target' ? target : captures.get(key);
      if (!node) return whole;
      if (wantsName) return nameOf(node) ?? memberPathOf(node) ?? node.getText(sf);
      return node.getText(sf);
    });
  const edits: TextEdit[] = [];
  const replace = pick(variant.replace, isTs);
  if (replace !== undefined) edits.push({ startOffset: target.getStart(sf), endOffset: target.getEnd(), newText: render(replace) });
  const text = sf.text;
  const { offset, esm } = importInsertOffset(sf);
  const importLines = (variant.imports ?? [])
    .map((l) => pick(l, isTs))
    .filter((l): l is string => l !== undefined)
    .map((l) => (esm ? render(l) : toRequire(render(l))))
    .filter((l) => !text.includes(l));
  if (importLines.length > 0) {
    const prefix = offset === 0 ? '' : '\n';
    const suffix = offset === 0 ? '\n' : '';
    edits.push({ startOffset: offset, endOffset: offset, newText: `${prefix}${importLines.join('\n')}${suffix}` });
  }
  const helper = pick(variant.helper, isTs);
  if (helper !== undefined) {
    const rendered = render(helper);
    const firstLine = rendered.split('\n')[0]!.trim();
    if (!text.includes(firstLine)) {
      const sep = text.endsWith('\n') ? '\n' : '\n\n';
      edits.push({ startOffset: text.length, endOffset: text.length, newText: `${sep}${rendered.replace(/\n?$/, '\n')}` });
    }
  }
  if (variant.envExample !== undefined && routing.envExampleDir) {
    edits.push({ startOffset: -1, endOffset: -1, newText: `${render(variant.envExample)}\n`, file: path.join(routing.envExampleDir, '.env.example') });
  }
  edits.sort((a, b) => (a.file ? 1 : 0) - (b.file ? 1 : 0) || a.startOffset - b.startOffset);
  return { title: render(input.title), snippet: input.snippetId, changesBehavior: input.changesBehavior, edits };
}

/** Applies the edits of a fix that target the analyzed file (edits to other files are skipped). */
export function applyFixToText(text: string, fix: Fix): string {
  const own = fix.edits.filter((e) => !e.file).sort((a, b) => b.startOffset - a.startOffset);
  let out = text;
  for (const e of own) out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
  return out;
}
