import { isTransparentWrapper, propertyKeyName } from '../context/constants';
import { ts } from '../ts';
import { isFunctionScope } from '../context/file-index';
import { NodeMemo } from '../context/node-memo';

/** The node's own name: identifier text, member name, property/declaration name, called function name. */
export function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return propertyKeyName(node.argumentExpression);
  if (
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertySignature(node)
  ) {
    return propertyKeyName(node.name);
  }
  if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) {
    return ts.isIdentifier(node.name) ? node.name.text : undefined;
  }
  if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return node.name?.text;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return nameOf(node.expression);
  if (ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return nameOf(node.expression);
  return undefined;
}

/** Calls whose result carries their argument's meaning (`String(x)`, `Math.floor(x)`, `Buffer.from(x)`). */
const TRANSPARENT_CALLS = /^(String|Number|parseInt|parseFloat|BigInt|floor|ceil|round|abs|trunc|from|encodeURIComponent|encodeURI|stringify)$/;
/** Methods on a value that keep its meaning (`x.toString(36)`, `x.slice(2)`). */
const TRANSPARENT_METHODS = /^(toString|slice|substring|substr|padStart|padEnd|toUpperCase|toLowerCase|trim|replace|replaceAll|concat|join|toFixed|digest|update)$/;

/**
 * The name a value is bound to: walks up through expressions (templates, arithmetic, transparent calls and
 * methods, array elements, returns) to the variable, property, parameter, assignment target or function that
 * receives it. `genid: () => \`${Date.now()}\`` binds `Date.now()` to `genid`.
 */
export function boundNameOf(node: ts.Node): string | undefined {
  const hit = boundNames.get(node);
  if (hit !== undefined) return hit ?? undefined;
  const name = computeBoundName(node);
  boundNames.set(node, name ?? null);
  return name;
}

/** Per-node answers, shared by every rule (nodes die with their file, and the entries with them). */
const boundNames = new NodeMemo<string | null>();
const mentionLists = new NodeMemo<string[]>();

function computeBoundName(node: ts.Node): string | undefined {
  let child: ts.Node = node;
  let p: ts.Node | undefined = node.parent;
  for (let guard = 0; p && guard < 24; guard++) {
    if (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) {
      return ts.isIdentifier(p.name) ? p.name.text : undefined;
    }
    if (ts.isPropertyAssignment(p)) return p.initializer === child ? propertyKeyName(p.name) : undefined;
    if (ts.isPropertyDeclaration(p)) return propertyKeyName(p.name);
    if (ts.isBinaryExpression(p)) {
      if (p.operatorToken.kind === ts.SyntaxKind.EqualsToken || p.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken) {
        return p.right === child ? nameOf(p.left) : undefined;
      }
    } else if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      const isArg = p.arguments?.some((a) => a === child) ?? false;
      if (!isArg) return undefined;
      const callee = nameOf(p.expression);
      if (!callee || !TRANSPARENT_CALLS.test(callee)) return undefined;
    } else if (ts.isPropertyAccessExpression(p)) {
      // `x.toString(36)`: the access must be the callee of a call with a transparent method name.
      if (p.expression !== child || !TRANSPARENT_METHODS.test(p.name.text) || !p.parent || !ts.isCallExpression(p.parent)) return undefined;
      child = p.parent;
      p = p.parent.parent;
      continue;
    } else if (ts.isReturnStatement(p)) {
      const fn = enclosingFunctionOf(p);
      return fn ? boundNameOf(fn) ?? functionNameOf(fn) : undefined;
    } else if (ts.isArrowFunction(p)) {
      if (p.body !== child) return undefined;
      return boundNameOf(p) ?? undefined;
    } else if (ts.isFunctionExpression(p) || ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) {
      return functionNameOf(p);
    } else if (
      !(
        ts.isTemplateSpan(p) ||
        ts.isTemplateExpression(p) ||
        ts.isParenthesizedExpression(p) ||
        ts.isAsExpression(p) ||
        ts.isSatisfiesExpression(p) ||
        ts.isNonNullExpression(p) ||
        ts.isConditionalExpression(p) ||
        ts.isArrayLiteralExpression(p) ||
        ts.isAwaitExpression(p) ||
        ts.isPrefixUnaryExpression(p)
      )
    ) {
      return undefined;
    }
    child = p;
    p = p.parent;
  }
  return undefined;
}

/** The declared name of a function, or the name it is bound to. */
export function functionNameOf(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name) {
    return propertyKeyName(fn.name);
  }
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) return boundNameOf(fn);
  return undefined;
}

/** The nearest enclosing function-like node. */
export function enclosingFunctionOf(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionScope(p)) return p;
  return undefined;
}

/** Dotted text of a member chain of identifiers and static keys (`req.headers.authorization`), else undefined. */
export function memberPathOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return memberPathUncached(node);
  const hit = memberPaths.get(node);
  if (hit !== undefined) return hit ?? undefined;
  const path = memberPathUncached(node);
  memberPaths.set(node, path ?? null);
  return path;
}

const memberPaths = new NodeMemo<string | null>();

function memberPathUncached(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  // `import.meta` (so `import.meta.env.VITE_X` has a member path like `process.env.X`).
  if (ts.isMetaProperty(node)) return `${ts.tokenToString(node.keywordToken) ?? ''}.${node.name.text}`;
  // A cast or non-null assertion does not change the value: `(req.session as any).userId` is `req.session.userId`.
  if (ts.isExpression(node) && isTransparentWrapper(node)) return memberPathOf(node.expression);
  if (ts.isPropertyAccessExpression(node)) {
    const left = memberPathOf(node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  if (ts.isElementAccessExpression(node)) {
    const key = propertyKeyName(node.argumentExpression);
    const left = memberPathOf(node.expression);
    return left === undefined || key === undefined ? undefined : `${left}.${key}`;
  }
  return undefined;
}

const MENTION_LIMIT = 64;

/**
 * Names an expression mentions: identifiers, member names, static keys and short string literals inside it,
 * without descending into nested functions. Bounded to the expression itself (not a file walk).
 */
export function mentionedNames(node: ts.Node): string[] {
  const hit = mentionLists.get(node);
  if (hit) return hit;
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (out.length >= MENTION_LIMIT) return;
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) out.push(n.text);
    else if (ts.isStringLiteralLike(n) && n.text.length <= 64) out.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push(n.text);
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(node);
  mentionLists.set(node, out);
  return out;
}
