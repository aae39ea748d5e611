import { ts } from '../ts';
import { isTransparentWrapper } from './constants';
import type { FileIndex } from './file-index';

/** What a local name refers to: a module (path `[]`) or an export path inside it. */
export interface ModuleRef {
  module: string;
  path: string[];
}

/** Browser/Node globals that rules may name as `global#<name>...` when the file does not shadow them. */
const GLOBALS = new Set([
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'document',
  'navigator',
  'Math',
  'Date',
  'crypto',
  'console',
  'process',
  'fetch',
  'Buffer',
  'JSON',
  'atob',
  'btoa',
  'location',
  'history',
  'caches',
  'performance',
]);

/** Receivers that stand for the global object (`window.localStorage` is `localStorage`). */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** Wrappers that return a function equivalent to their argument (`promisify(crypto.pbkdf2)`). */
const TRANSPARENT_WRAPPERS = new Set(['promisify', 'util#promisify', 'util#promisify.custom']);

/** Normalizes module specifiers: `node:crypto` and `crypto` are the same module. */
export function normalizeModule(spec: string): string {
  return spec.startsWith('node:') ? spec.slice(5) : spec;
}

/** Formats a reference as the identity string rules use: `module#a.b` or `module`. */
export function formatIdentity(ref: ModuleRef): string {
  return ref.path.length === 0 ? ref.module : `${ref.module}#${ref.path.join('.')}`;
}

function stringArg(call: ts.CallExpression): string | undefined {
  const arg = call.arguments[0];
  if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) return arg.text;
  return undefined;
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (isTransparentWrapper(e) || ts.isAwaitExpression(e)) e = e.expression;
  return e;
}

/**
 * Resolves local names to module exports: ES imports (default, namespace, named, aliased), `require` (whole,
 * destructured, property), `await import()`, `import x = require()`, `promisify` wrappers and local aliases
 * (`const v = jwt.verify`). Built lazily from the declarations the file walk collected.
 */
export class Bindings {
  private readonly names = new Map<string, ModuleRef>();
  private readonly pending = new Map<string, ts.Expression>();
  private readonly resolving = new Set<string>();
  private readonly identities = new Map<ts.Expression, string | null>();

  constructor(private readonly index: FileIndex) {
    for (const decl of index.imports) this.addImport(decl);
    for (const decl of index.importEquals) {
      const ref = decl.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        this.names.set(decl.name.text, { module: normalizeModule(ref.expression.text), path: [] });
      }
    }
    for (const decl of index.variables) this.addVariable(decl);
  }

  private addImport(decl: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(decl.moduleSpecifier) || !decl.importClause) return;
    const module = normalizeModule(decl.moduleSpecifier.text);
    const clause = decl.importClause;
    if (clause.name) this.names.set(clause.name.text, { module, path: [] });
    const nb = clause.namedBindings;
    if (!nb) return;
    if (ts.isNamespaceImport(nb)) {
      this.names.set(nb.name.text, { module, path: [] });
      return;
    }
    for (const spec of nb.elements) {
      const imported = (spec.propertyName ?? spec.name).text;
      this.names.set(spec.name.text, { module, path: imported === 'default' ? [] : [imported] });
    }
  }

  private addVariable(decl: ts.VariableDeclaration): void {
    const init = decl.initializer;
    if (!init) return;
    if (ts.isIdentifier(decl.name)) {
      if (!this.names.has(decl.name.text)) this.pending.set(decl.name.text, init);
      return;
    }
    if (ts.isObjectBindingPattern(decl.name)) {
      const base = this.resolveExpression(init);
      if (!base) return;
      for (const el of decl.name.elements) {
        if (el.dotDotDotToken || !ts.isIdentifier(el.name)) continue;
        const prop = el.propertyName;
        const key = prop === undefined ? el.name.text : ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : undefined;
        if (key === undefined) continue;
        this.names.set(el.name.text, { module: base.module, path: key === 'default' ? base.path : [...base.path, key] });
      }
    }
  }

  /** The module reference a local name is bound to, if any. */
  lookup(name: string): ModuleRef | undefined {
    const direct = this.names.get(name);
    if (direct) return direct;
    const init = this.pending.get(name);
    if (!init || this.resolving.has(name)) return undefined;
    this.resolving.add(name);
    const ref = this.resolveExpression(init);
    this.resolving.delete(name);
    this.pending.delete(name);
    if (ref) this.names.set(name, ref);
    return ref;
  }

  /** Resolves an expression (identifier, member chain, require/import call, wrapper) to a module reference. */
  resolveExpression(expr: ts.Expression): ModuleRef | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      const ref = this.lookup(e.text);
      if (ref) return ref;
      if (GLOBALS.has(e.text) && !this.index.declaredNames.has(e.text)) return { module: 'global', path: [e.text] };
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const name = ts.isPropertyAccessExpression(e)
        ? e.name.text
        : ts.isStringLiteralLike(e.argumentExpression)
          ? e.argumentExpression.text
          : undefined;
      if (name === undefined) return undefined;
      const target = unwrap(e.expression);
      if (ts.isIdentifier(target) && GLOBAL_OBJECTS.has(target.text) && !this.index.declaredNames.has(target.text)) {
        return GLOBALS.has(name) ? { module: 'global', path: [name] } : undefined;
      }
      const base = this.resolveExpression(target);
      if (!base) return undefined;
      if (name === 'default' && base.path.length === 0) return base;
      return { module: base.module, path: [...base.path, name] };
    }
    if (ts.isCallExpression(e)) {
      if (e.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const spec = stringArg(e);
        return spec === undefined ? undefined : { module: normalizeModule(spec), path: [] };
      }
      if (ts.isIdentifier(e.expression) && e.expression.text === 'require' && !this.index.declaredNames.has('require')) {
        const spec = stringArg(e);
        return spec === undefined ? undefined : { module: normalizeModule(spec), path: [] };
      }
      const callee = this.resolveExpression(e.expression);
      const isWrapper =
        (callee && TRANSPARENT_WRAPPERS.has(formatIdentity(callee))) ||
        (ts.isIdentifier(e.expression) && e.expression.text === 'promisify' && !callee);
      if (isWrapper && e.arguments[0]) return this.resolveExpression(e.arguments[0]);
      return undefined;
    }
    return undefined;
  }

  /** Identity string of a callee expression, e.g. `jsonwebtoken#verify`, or `undefined` when unresolved. */
  identityOf(expr: ts.Expression): string | undefined {
    // Many rules ask about the same callee; resolve each expression once per file.
    const hit = this.identities.get(expr);
    if (hit !== undefined) return hit ?? undefined;
    const ref = this.resolveExpression(expr);
    const id = ref ? formatIdentity(ref) : undefined;
    this.identities.set(expr, id ?? null);
    return id;
  }
}
