import { isFunctionScope, type FunctionScope } from '../../context/file-index';
import { callsIn } from '../../context/index-views';
import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { toList } from '../to-list';
import { compileNameSpec } from '../name-spec';
import { enclosingFunctionOf, functionNameOf } from '../node-names';
import { identityMatcher } from './call';
import { NodeMemo } from '../../context/node-memo';
import type { FileContext } from '../../context/file-context';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'head', 'options', 'route', 'handle']);
const REQUEST_PARAMS = /^(req|request|ctx|context|c|event)$/;
const RESPONSE_PARAMS = /^(res|response|reply|h|next)$/;

/** `true` when the function handles an HTTP request: registered on a router/app or shaped `(req, res)`. */
export function isRouteHandler(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  if (parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(fn as ts.Expression)) {
    const callee = parent.expression;
    if (ts.isPropertyAccessExpression(callee) && ROUTE_METHODS.has(callee.name.text.toLowerCase())) return true;
  }
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  if (names.length >= 2 && REQUEST_PARAMS.test(names[0]!) && RESPONSE_PARAMS.test(names[1]!)) return true;
  if (names.length >= 1 && names[0] === 'ctx') return true;
  return false;
}

/** `true` when the function is exported from its module (`export function f`, `export const f = () => ...`). */
export function isExportedFunction(fn: ts.SignatureDeclaration): boolean {
  const hasExport = (n: ts.Node): boolean => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(fn)) return hasExport(fn);
  const decl = fn.parent;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer === fn) return hasExport(decl.parent.parent);
  if (decl && ts.isExportAssignment(decl)) return true;
  return false;
}

/** Names a function mentions anywhere in its body, nested callbacks included (cached per function). */
const mentionCache = new NodeMemo<string[]>();
export function functionMentions(scope: ts.Node): string[] {
  const cached = mentionCache.get(scope);
  if (cached) return cached;
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) out.push(n.text);
    else if (ts.isStringLiteralLike(n) && n.text.length <= 64) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(scope);
  mentionCache.set(scope, out);
  return out;
}


/**
 * `inFunction`: facts about the nearest enclosing function (or the file's top level): the calls it makes
 * (including nested callbacks, from the walk's index), whether it is a route handler, its name.
 */
export const inFunctionPrimitive: Primitive<'inFunction'> = {
  key: 'inFunction',
  compile: (spec, _sub, where) => {
    const identities = toList(spec.calls);
    const matchIdentity = identities.length > 0 ? identityMatcher(identities) : undefined;
    const methods = new Set(toList(spec.callsMethod));
    const name = spec.name !== undefined ? compileNameSpec(spec.name, `${where}/name`) : undefined;
    const mentions = spec.mentions !== undefined ? compileNameSpec(spec.mentions, `${where}/mentions`) : undefined;
    // The answer per function is the same for every node inside it.
    const mentionAnswers = new NodeMemo<boolean>();
    const mentionTests = mentions ? [mentions] : [];
    const scopeMentions = (scope: ts.Node, ctx: FileContext): boolean => {
      let answer = mentionAnswers.get(scope);
      if (answer === undefined) {
        // The file's top level mentions what the whole file does: its identifier table answers without a walk.
        answer = ts.isSourceFile(scope) ? ctx.someNameOccurs(mentionTests) : functionMentions(scope).some(mentions!);
        mentionAnswers.set(scope, answer);
      }
      return answer;
    };
    const callAnswers = new NodeMemo<boolean>();
    const scopeCalls = (scope: FunctionScope, ctx: FileContext): boolean => {
      let answer = callAnswers.get(scope);
      if (answer === undefined) {
        answer = callsIn(ctx.index, scope).some((call) => {
          const callee = call.expression;
          if (methods.size > 0 && ts.isPropertyAccessExpression(callee) && methods.has(callee.name.text)) return true;
          if (matchIdentity) {
            const id = ctx.bindings.identityOf(callee);
            if (id !== undefined && matchIdentity(id)) return true;
          }
          return false;
        });
        callAnswers.set(scope, answer);
      }
      return answer;
    };
    return (node, state) => {
      const fn = isFunctionScope(node) ? node : enclosingFunctionOf(node);
      const scope: FunctionScope = fn ?? state.ctx.sourceFile;
      if (spec.routeHandler !== undefined && (fn !== undefined && isRouteHandler(fn)) !== spec.routeHandler) return false;
      if (spec.exported !== undefined && (fn !== undefined && isExportedFunction(fn)) !== spec.exported) return false;
      if (name) {
        const n = fn ? functionNameOf(fn) : undefined;
        if (n === undefined || !name(n)) return false;
      }
      if (mentions && !scopeMentions(scope, state.ctx)) return false;
      if ((matchIdentity || methods.size > 0) && !scopeCalls(scope, state.ctx)) return false;
      return true;
    };
  },
};
