import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileContext } from '../context/file-context';
import { indexFile } from '../context/file-index';
import { parseSource } from '../parse';
import { ts } from '../ts';
import type { CrossFileResolver, FunctionDefinition } from './callee-definition';
import { localFunctionNamed } from './local-declarations';
import type { NameTest } from '../match/name-spec';

/** Extensions tried, in order, for a specifier without one (and for `./x.js` written for `./x.ts`). */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Helper files above this size are not parsed for cross-file questions. */
const MAX_BYTES = 512 * 1024;
/** Parsed helper files kept for the run: few are asked about, and each holds a syntax tree. */
const CACHE_SIZE = 24;
/** `export ... from` hops followed through barrel files. */
const MAX_REEXPORTS = 3;
/** Resolved specifiers remembered (a workspace has far fewer distinct folder + specifier pairs). */
const MODULE_CACHE_SIZE = 20_000;

const NO_KINDS: ReadonlySet<ts.SyntaxKind> = new Set();

/** Words that can be identifiers, and short quoted strings (names come from one or the other). */
const WORD = /[A-Za-z_$#][\w$]*/g;
const SHORT_STRING = /(['"`])([^'"`\n]{1,64})\1/g;
/** `export * from './x'`, `export * as ns from './x'`, `export { a, b as c } from './x'`. */
const REEXPORT = /export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g;

/** Some word or short string of `text` passes one of `tests` (a superset of the file's identifiers and literals). */
function textHasName(text: string, tests: readonly NameTest[]): boolean {
  const seen = new Set<string>();
  const check = (word: string): boolean => {
    if (seen.has(word)) return false;
    seen.add(word);
    return tests.some((t) => t(word));
  };
  for (const m of text.matchAll(WORD)) if (check(m[0])) return true;
  for (const m of text.matchAll(SHORT_STRING)) if (check(m[2]!)) return true;
  return false;
}

function isFile(p: string): boolean {
  try {
    // Most candidates do not exist: ask without an exception per miss.
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Resolves a relative specifier the way bundlers and TypeScript's `bundler` resolution do. */
export function resolveRelativeModule(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  const ext = path.extname(base);
  if (['.js', '.jsx', '.mjs', '.cjs'].includes(ext)) {
    const stem = base.slice(0, -ext.length);
    candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((e) => stem + e));
  }
  return candidates.find(isFile);
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** A function-valued expression: an arrow/function expression, or a name bound to a function in the file. */
function functionValue(expr: ts.Expression, sf: ts.SourceFile): ts.SignatureDeclaration | undefined {
  const e = unwrap(expr);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
  if (ts.isIdentifier(e)) return localFunctionNamed(e);
  return undefined;
}

/** A member of an object literal that is a function (`{ hash(pw) {...} }`, `{ hash: hashPassword }`). */
function objectMember(obj: ts.Expression, name: string, sf: ts.SourceFile): ts.SignatureDeclaration | undefined {
  const e = unwrap(obj);
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (key !== name) continue;
    if (ts.isMethodDeclaration(p)) return p.body ? p : undefined;
    if (ts.isPropertyAssignment(p)) return functionValue(p.initializer, sf);
    if (ts.isShorthandPropertyAssignment(p)) return localFunctionNamed(p.name);
  }
  return undefined;
}

/** `module.exports` / `exports` member chains: `module.exports.x` → ['x'], `module.exports` → []. */
function commonJsExportPath(target: ts.Expression): string[] | undefined {
  const parts: string[] = [];
  let e = target;
  while (ts.isPropertyAccessExpression(e)) {
    parts.unshift(e.name.text);
    e = e.expression;
  }
  if (!ts.isIdentifier(e)) return undefined;
  if (e.text === 'exports') return parts;
  if (e.text === 'module' && parts[0] === 'exports') return parts.slice(1);
  return undefined;
}

/**
 * Finds functions exported by workspace files, for one-hop cross-file questions in audits. Files are read,
 * parsed and indexed on first use and kept in a small least-recently-used cache.
 */
export class WorkspaceResolver implements CrossFileResolver {
  private readonly cache = new Map<string, FileContext | null>();
  /** Resolved specifiers by importing folder and specifier (a file system probe per candidate otherwise). */
  private readonly modules = new Map<string, string | null>();
  /** Answers of {@link mayMention} per file and name-test list. */
  private readonly mentions = new Map<string, Map<readonly NameTest[], boolean>>();
  /** Files {@link textMentions} could not read, or skipped as too large (their answers say nothing). */
  private readonly unreadable = new Set<string>();

  constructor(private readonly root?: string) {}

  definitionOf(fromFile: string, module: string, exportPath: readonly string[]): FunctionDefinition | undefined {
    const target = this.resolve(fromFile, module);
    return target ? this.exported(target, exportPath, 0) : undefined;
  }

  mayMention(fromFile: string, module: string, tests: readonly NameTest[]): boolean {
    const target = this.resolve(fromFile, module);
    return target !== undefined && this.textMentions(target, tests, 0);
  }

  moduleMentions(fromFile: string, module: string, tests: readonly NameTest[]): boolean | undefined {
    const target = this.resolve(fromFile, module);
    if (target === undefined) return undefined;
    const found = this.textMentions(target, tests, 0);
    return this.unreadable.has(target) ? undefined : found;
  }

  /** Whether a file's text (or that of what it re-exports, as far as `exported` follows) has a passing name. */
  private textMentions(file: string, tests: readonly NameTest[], hops: number): boolean {
    let perFile = this.mentions.get(file);
    if (!perFile) {
      if (this.mentions.size >= MODULE_CACHE_SIZE) this.mentions.clear();
      this.mentions.set(file, (perFile = new Map()));
    }
    const hit = perFile.get(tests);
    if (hit !== undefined) return hit;
    perFile.set(tests, false); // re-export cycles end here
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_BYTES) {
        this.unreadable.add(file);
        return false;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch {
      this.unreadable.add(file);
      return false;
    }
    let found = textHasName(text, tests);
    if (!found && hops < MAX_REEXPORTS) {
      for (const m of text.matchAll(REEXPORT)) {
        const target = m[1]!.startsWith('.') ? this.resolve(file, m[1]!) : undefined;
        if (target && this.textMentions(target, tests, hops + 1)) {
          found = true;
          break;
        }
      }
    }
    perFile.set(tests, found);
    return found;
  }

  private resolve(fromFile: string, spec: string): string | undefined {
    const key = `${path.dirname(fromFile)}\0${spec}`;
    let hit = this.modules.get(key);
    if (hit === undefined) {
      hit = resolveRelativeModule(fromFile, spec) ?? null;
      if (this.modules.size >= MODULE_CACHE_SIZE) this.modules.clear();
      this.modules.set(key, hit);
    }
    return hit ?? undefined;
  }

  private context(file: string): FileContext | undefined {
    const hit = this.cache.get(file);
    if (hit !== undefined) {
      this.cache.delete(file);
      this.cache.set(file, hit);
      return hit ?? undefined;
    }
    let ctx: FileContext | null = null;
    try {
      if (fs.statSync(file).size <= MAX_BYTES) {
        const sf = parseSource(file, fs.readFileSync(file, 'utf8'));
        ctx = new FileContext(file, sf, indexFile(sf, NO_KINDS), this.root);
      }
    } catch {
      ctx = null;
    }
    this.cache.set(file, ctx);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return ctx ?? undefined;
  }

  private exported(file: string, exportPath: readonly string[], hops: number): FunctionDefinition | undefined {
    const ctx = this.context(file);
    if (!ctx) return undefined;
    const sf = ctx.sourceFile;
    const [first, second] = exportPath;
    const found = (fn: ts.SignatureDeclaration | undefined): FunctionDefinition | undefined => (fn ? { fn, ctx } : undefined);
    for (const stmt of sf.statements) {
      // export function f() {} / export default function () {}
      if (ts.isFunctionDeclaration(stmt) && hasExportModifier(stmt) && stmt.body) {
        const isDefault = hasDefaultModifier(stmt);
        if ((exportPath.length === 0 && isDefault) || (exportPath.length === 1 && !isDefault && stmt.name?.text === first)) return found(stmt);
      }
      // export const f = () => ... / export const helpers = { f() {} }
      if (ts.isVariableStatement(stmt) && hasExportModifier(stmt) && first !== undefined) {
        for (const d of stmt.declarationList.declarations) {
          if (!ts.isIdentifier(d.name) || d.name.text !== first || !d.initializer) continue;
          return found(second === undefined ? functionValue(d.initializer, sf) : objectMember(d.initializer, second, sf));
        }
      }
      // export default f / export default { f() {} }
      if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
        if (exportPath.length === 0) return found(functionValue(stmt.expression, sf));
        if (exportPath.length === 1) {
          const member = objectMember(stmt.expression, first!, sf);
          if (member) return found(member);
        }
      }
      if (ts.isExportDeclaration(stmt)) {
        const def = this.fromExportDeclaration(stmt, ctx, exportPath, hops);
        if (def) return def;
      }
      // module.exports = f / module.exports = { f } / exports.f = function () {}
      if (ts.isExpressionStatement(stmt) && ts.isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const at = commonJsExportPath(stmt.expression.left);
        if (!at) continue;
        const value = stmt.expression.right;
        if (at.length === exportPath.length && at.every((p, i) => p === exportPath[i])) {
          const fn = functionValue(value, sf);
          if (fn) return found(fn);
        }
        if (at.length === 0 && exportPath.length === 1) {
          const member = objectMember(value, first!, sf);
          if (member) return found(member);
        }
      }
    }
    return undefined;
  }

  private fromExportDeclaration(stmt: ts.ExportDeclaration, ctx: FileContext, exportPath: readonly string[], hops: number): FunctionDefinition | undefined {
    const first = exportPath[0];
    if (first === undefined) return undefined;
    const spec = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined;
    if (stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      for (const el of stmt.exportClause.elements) {
        if (el.name.text !== first) continue;
        const local = el.propertyName ?? el.name;
        if (spec === undefined) {
          const fn = ts.isIdentifier(local) ? localFunctionNamed(local) : undefined;
          return fn ? { fn, ctx } : undefined;
        }
        if (!spec.startsWith('.') || hops >= MAX_REEXPORTS) return undefined;
        const target = this.resolve(ctx.file, spec);
        return target ? this.exported(target, [local.text, ...exportPath.slice(1)], hops + 1) : undefined;
      }
      return undefined;
    }
    // export * from './x'
    if (!stmt.exportClause && spec?.startsWith('.') && hops < MAX_REEXPORTS) {
      const target = this.resolve(ctx.file, spec);
      return target ? this.exported(target, exportPath, hops + 1) : undefined;
    }
    return undefined;
  }
}
