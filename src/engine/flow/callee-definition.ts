import type { FileContext } from '../context/file-context';
import { isFunctionScope, type CallLike } from '../context/file-index';
import { isTransparentWrapper } from '../context/constants';
import { NodeMemo } from '../context/node-memo';
import { ts } from '../ts';
import { localFunctionNamed, resolveLocal } from './local-declarations';
import type { NameTest } from '../match/name-spec';

/** A function's definition and the context of the file it lives in. */
export interface FunctionDefinition {
  fn: ts.SignatureDeclaration;
  ctx: FileContext;
}

/**
 * Looks up functions exported by other files of the workspace (audits only). Implementations resolve a relative
 * module specifier from the importing file, parse the target on demand and find the export — one hop: the
 * returned definition's context has no resolver of its own.
 */
export interface CrossFileResolver {
  /** The function exported as `exportPath` (`[]` = default / `module.exports`) by `module` imported from `fromFile`. */
  definitionOf(fromFile: string, module: string, exportPath: readonly string[]): FunctionDefinition | undefined;
  /**
   * `false` only when the module `fromFile` imports as `module` (and what it re-exports) certainly has no word or
   * short string passing one of `tests`: a look at its text that spares parsing it. Optional; absent means "maybe".
   */
  mayMention?(fromFile: string, module: string, tests: readonly NameTest[]): boolean;
  /**
   * Whether the module `fromFile` imports as `module` (and what it re-exports) has a word or short string passing
   * one of `tests`: `undefined` when the module cannot be resolved or read. Optional; absent means "unknown".
   */
  moduleMentions?(fromFile: string, module: string, tests: readonly NameTest[]): boolean | undefined;
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (isTransparentWrapper(e)) e = e.expression;
  return e;
}

/** The method named `name` of the class enclosing `node` (for `this.hash(pw)`). */
function enclosingClassMethod(node: ts.Node, name: string): ts.SignatureDeclaration | undefined {
  let p = node.parent;
  while (p && !ts.isClassDeclaration(p) && !ts.isClassExpression(p)) p = p.parent;
  if (!p) return undefined;
  for (const m of p.members) {
    if ((ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && m.name && ts.isIdentifier(m.name) && m.name.text === name) {
      if (ts.isMethodDeclaration(m)) return m.body ? m : undefined;
      const init = m.initializer ? unwrap(m.initializer) : undefined;
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
  }
  return undefined;
}

/**
 * The method `name` of an object literal bound to a `const` in the file (`const storage = { set(k, v) {...} }`,
 * `{ set: (k, v) => ... }`, `{ set: writeItem }`), for `storage.set(k, v)`.
 */
function localObjectMethod(obj: ts.Identifier, name: string): ts.SignatureDeclaration | undefined {
  const decl = resolveLocal(obj);
  if (decl?.kind !== 'variable' || !decl.node.initializer || !(decl.node.parent.flags & ts.NodeFlags.Const)) return undefined;
  const init = unwrap(decl.node.initializer);
  if (!ts.isObjectLiteralExpression(init)) return undefined;
  for (const p of init.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (key !== name) continue;
    if (ts.isMethodDeclaration(p)) return p.body ? p : undefined;
    if (ts.isShorthandPropertyAssignment(p)) return localFunctionNamed(p.name);
    if (!ts.isPropertyAssignment(p)) return undefined;
    const value = unwrap(p.initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    return ts.isIdentifier(value) ? localFunctionNamed(value) : undefined;
  }
  return undefined;
}

const definitions = new NodeMemo<FunctionDefinition | null>();

/**
 * The definition of the function a call invokes: a function or arrow in the same file (`hashPassword(pw)`), a
 * method of the enclosing class (`this.hashPassword(pw)`), a method of a `const` object literal of the file
 * (`storage.set(k, v)`), or — in audits, when the context has a cross-file
 * resolver — a function exported by a relatively imported module (`import { sha256 } from './crypto'`).
 */
export function calleeDefinition(call: CallLike, ctx: FileContext): FunctionDefinition | undefined {
  const hit = definitions.get(call);
  if (hit !== undefined) return hit ?? undefined;
  const def = resolveDefinition(call, ctx);
  definitions.set(call, def ?? null);
  return def;
}

/**
 * Like {@link calleeDefinition}, but an imported function's file is only parsed when its text could mention a
 * name passing one of `tests` (the resolver's {@link CrossFileResolver.mayMention}) or `otherwise` says so;
 * else `undefined`.
 */
export function calleeDefinitionMentioning(call: CallLike, ctx: FileContext, tests: readonly NameTest[], otherwise?: () => boolean): FunctionDefinition | undefined {
  const hit = definitions.get(call);
  if (hit !== undefined) return hit ?? undefined;
  const resolver = ctx.crossFile;
  if (resolver?.mayMention && !isLocalCall(call)) {
    const ref = ctx.bindings.resolveExpression(unwrap(call.expression));
    if (ref?.module.startsWith('.') && !resolver.mayMention(ctx.file, ref.module, tests) && !(otherwise?.() ?? false)) return undefined;
  }
  return calleeDefinition(call, ctx);
}

/**
 * Calls answered from the file itself: a plain name bound in the file, a method of the enclosing class, or a
 * method of a `const` object literal of the file.
 */
function isLocalCall(call: CallLike): boolean {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return localFunctionNamed(callee) !== undefined;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.expression.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isIdentifier(callee.expression) && localObjectMethod(callee.expression, callee.name.text) !== undefined;
}

function resolveDefinition(call: CallLike, ctx: FileContext): FunctionDefinition | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const local = localFunctionNamed(callee);
    if (local) return { fn: local, ctx };
  } else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const method = enclosingClassMethod(call, callee.name.text);
    return method ? { fn: method, ctx } : undefined;
  } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const member = localObjectMethod(callee.expression, callee.name.text);
    if (member) return { fn: member, ctx };
  }
  const resolver = ctx.crossFile;
  if (!resolver) return undefined;
  const ref = ctx.bindings.resolveExpression(callee);
  if (!ref || !ref.module.startsWith('.')) return undefined;
  return resolver.definitionOf(ctx.file, ref.module, ref.path);
}

/** The expressions a function returns (an arrow's expression body, or `return x` outside nested functions). */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = 'body' in fn ? fn.body : undefined;
  if (!body) return [];
  if (!ts.isBlock(body)) return ts.isExpression(body) ? [body] : [];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
      return;
    }
    if (isFunctionScope(n) || ts.isClassLike(n)) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}
