import type { FileContext } from '../context/file-context';
import type { CallLike } from '../context/file-index';
import { callsByCalleeName } from '../context/index-views';
import { testDiscardingCaptures, testWithRollback, type MatchState, type NodeTest } from '../match/compiled';
import { ts } from '../ts';
import { calleeDefinition, calleeDefinitionMentioning, returnedExpressions, type FunctionDefinition } from './callee-definition';
import type { NameTest } from '../match/name-spec';
import { assignmentsTo, bindingRoot, resolveLocal } from './local-declarations';

/** What a flow question asks: does a value reach back to a node matching `source`, without crossing `stop`? */
export interface FlowQuery {
  source: NodeTest;
  stop?: NodeTest;
  /** Name tests one of which any node matching `source` passes (lets files without such names be skipped). */
  names?: readonly NameTest[];
}

/** A call being followed into its definition: parameters of `fn` stand for the call's arguments. */
interface Frame {
  fn: ts.SignatureDeclaration;
  call: CallLike;
  callerCtx: FileContext;
  caller?: Frame;
}

interface Step {
  node: ts.Node;
  ctx: FileContext;
  frame?: Frame;
  /** The path went out from a helper's parameter to its callers: it never goes back into definitions. */
  outward?: boolean;
}

/** Call sites of one helper followed, at most. */
const MAX_CALLERS = 8;

/** Calls in the same file to a named function (declaration or const-bound arrow/function expression). */
function localCallersOf(fn: ts.SignatureDeclaration, ctx: FileContext): CallLike[] {
  let name: string | undefined;
  if (ts.isFunctionDeclaration(fn)) name = fn.name?.text;
  else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) name = fn.parent.name.text;
  if (name === undefined) return [];
  const out: CallLike[] = [];
  for (const call of callsByCalleeName(ctx.index).get(name) ?? []) {
    if (call.arguments && call.arguments.length > 0) {
      out.push(call);
      if (out.length >= MAX_CALLERS) break;
    }
  }
  return out;
}

/** Upper bound on nodes visited per question: flows in real handlers are short; this bounds pathological files. */
const MAX_STEPS = 96;
/** Calls followed into their definitions along one path (the call site's file, then one more). */
const MAX_FRAMES = 2;

/**
 * Fields that hold data passed along rather than facts about it: `body.password` carries what `body` carries, but
 * `token.expiresAt`, `token.type` or `request.correlationId` do not carry the token. Other member reads end the path
 * (rules test the member's own name first, so `res.data.access_token` is still seen as a token).
 */
const CONTAINER_FIELDS = /^(data|body|payload|params|query|headers|cookies|result|results|response|json|values|fields|input|args|form|formData|detail|details|content|state|props|context|env|config|options|opts|settings|session|auth|tokens|credentials|secrets|keys|user|account)$/;

/** Functions whose result carries their arguments' content (`String(t)`, `JSON.stringify({ t })`). */
const CONTENT_FUNCTIONS = new Set([
  'String',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'btoa',
  'structuredClone',
  'JSON.stringify',
  'Object.assign',
  'Buffer.from',
  'util.format',
  'util.inspect',
  'format',
  'inspect',
]);

/** Methods whose result carries the receiver's (and arguments') content (`t.trim()`, `a.concat(b)`). */
const CONTENT_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validateSync', 'encode', 'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize', 'concat', 'join', 'valueOf', 'toJSON', 'padStart', 'padEnd']);

/**
 * Named constants, not values in flight: enum-like members (`PerformanceEvents.AcquireTokenByRefreshToken`,
 * `Codes.INVALID_TOKEN`) and consts bound to a string literal (`const AcquireToken = "acquireToken"`); a literal
 * secret itself is the inline-secret rules' business.
 */
function isNamedConstant(node: ts.Node, ctx: FileContext): boolean {
  if (ts.isPropertyAccessExpression(node)) {
    let base: ts.Expression = node.expression;
    while (ts.isPropertyAccessExpression(base)) base = base.expression;
    return ts.isIdentifier(base) && /^[A-Z]/.test(base.text);
  }
  if (ts.isIdentifier(node)) {
    const decl = resolveLocal(node);
    if (decl?.kind !== 'variable' || !(decl.node.parent.flags & ts.NodeFlags.Const)) return false;
    const init = decl.node.initializer;
    return init !== undefined && ts.isStringLiteralLike(init);
  }
  return false;
}

function calleeText(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) return `${expr.expression.text}.${expr.name.text}`;
  return undefined;
}

function parameterIndex(param: ts.ParameterDeclaration): number {
  return param.parent.parameters.indexOf(param);
}

/**
 * Follows a value backwards, within its function (and one call into a helper's definition), through local
 * variables, destructuring, plain assignments, `await`, casts, templates, concatenation, `||`/`??`, conditionals,
 * object and array literals, content-preserving calls (`String`, `JSON.stringify`, `.trim()`), container members
 * of a followed object (`body.password`, `res.data`), a helper's parameter out to its in-file callers, and the return values of called functions defined in the same file or — when the file
 * context has a cross-file resolver — in a relatively imported module. Any other call ends the path: its result
 * is a new value (a hash, a lookup, a mask), which is what keeps flow rules precise.
 *
 * Returns `true` when some node on the way matches `query.source` (captures made by a match in the analyzed
 * file are kept for messages and related locations) and no `query.stop` node lies between.
 */
export function flowReaches(start: ts.Node, state: MatchState, query: FlowQuery): boolean {
  return walk(start, state, query, false);
}

/** What a walk needs besides the current step (threaded through `expand`). */
interface Walk {
  state: MatchState;
  query: FlowQuery;
  /** Set when the analyzed file has none of the source's names: only other files can supply it. */
  foreignOnly: boolean;
  /** A walk started to decide whether a call's arguments carry the source: it parses no other file itself. */
  nested: boolean;
}

function walk(start: ts.Node, state: MatchState, query: FlowQuery, nested: boolean): boolean {
  const home = state.ctx;
  // Without any of the source's names in this file, only a helper imported from another file can supply the
  // value: skip the walk when nothing is imported relatively, and skip parsing files whose text lacks the names.
  const foreignOnly = query.names !== undefined && !home.someNameOccurs(query.names);
  if (foreignOnly && !importsRelatively(home)) return false;
  // Literals lead nowhere: answer without setting up a walk (most logged and compared values are literals).
  if (isLeaf(start)) return !foreignOnly && testWithRollback(query.source, start, state);
  const w: Walk = { state, query, foreignOnly, nested };
  const seen = new Set<ts.Node>();
  const work: Step[] = [{ node: start, ctx: home }];
  let steps = 0;
  try {
    while (work.length > 0 && steps < MAX_STEPS) {
      const step = work.pop()!;
      if (seen.has(step.node)) continue;
      seen.add(step.node);
      steps++;
      if (isNamedConstant(step.node, step.ctx)) continue;
      state.ctx = step.ctx;
      const matched = step.ctx === home ? testWithRollback(query.source, step.node, state) : testDiscardingCaptures(query.source, step.node, state);
      if (matched) return true;
      if (query.stop && testDiscardingCaptures(query.stop, step.node, state)) continue;
      expand(step, work, w);
    }
    return false;
  } finally {
    state.ctx = home;
  }
}

function isLeaf(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return true;
    default:
      return false;
  }
}

/** The file can reach other files' functions: audits resolve relative imports, and it has some. */
function importsRelatively(ctx: FileContext): boolean {
  if (!ctx.crossFile) return false;
  for (const m of ctx.index.modules) if (m.startsWith('.')) return true;
  return false;
}

function expand(step: Step, work: Step[], w: Walk): void {
  const { node, ctx, frame, outward } = step;
  const next = (n: ts.Node | undefined, c: FileContext = ctx, f: Frame | undefined = frame, out: boolean | undefined = outward): void => {
    if (n) work.push({ node: n, ctx: c, frame: f, outward: out });
  };
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isSpreadElement(node) ||
    ts.isSpreadAssignment(node)
  ) {
    next(node.expression);
    return;
  }
  if (ts.isTemplateExpression(node)) {
    for (const span of node.templateSpans) next(span.expression);
    return;
  }
  if (ts.isBinaryExpression(node)) {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        next(node.left);
        next(node.right);
        return;
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.EqualsToken:
        next(node.right);
        return;
      default:
        return;
    }
  }
  if (ts.isConditionalExpression(node)) {
    next(node.whenTrue);
    next(node.whenFalse);
    return;
  }
  if (ts.isObjectLiteralExpression(node)) {
    for (const prop of node.properties) next(prop);
    return;
  }
  if (ts.isPropertyAssignment(node)) {
    next(node.initializer);
    return;
  }
  if (ts.isShorthandPropertyAssignment(node)) {
    next(node.name);
    return;
  }
  if (ts.isArrayLiteralExpression(node)) {
    for (const el of node.elements) next(el);
    return;
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const field = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : undefined;
    if (field !== undefined && CONTAINER_FIELDS.test(field)) next(node.expression);
    return;
  }
  if (ts.isIdentifier(node)) {
    followIdentifier(node, step, next);
    return;
  }
  if (ts.isBindingElement(node)) {
    if (node.propertyName) next(node.propertyName);
    next(node.initializer);
    const root = bindingRoot(node);
    if (root && ts.isVariableDeclaration(root)) next(root.initializer);
    else if (root) next(root);
    return;
  }
  if (ts.isParameter(node)) {
    if (frame && node.parent === frame.fn) {
      const arg = frame.call.arguments?.[parameterIndex(node)];
      next(arg, frame.callerCtx, frame.caller);
    } else if (!frame && !outward) {
      // A helper's parameter: what the file's own callers pass in (`sha256Hex(password)` → `update(text)`).
      for (const call of localCallersOf(node.parent, ctx)) next(call.arguments?.[parameterIndex(node)], ctx, undefined, true);
    }
    next(node.initializer);
    return;
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    followCall(node, step, next, w);
  }
}

function followIdentifier(id: ts.Identifier, step: Step, next: (n: ts.Node | undefined, c?: FileContext, f?: Frame) => void): void {
  const decl = resolveLocal(id);
  if (!decl) return;
  switch (decl.kind) {
    case 'variable':
      next(decl.node.initializer);
      for (const a of assignmentsTo(decl, id.text, step.ctx.index)) next(a.right);
      return;
    case 'binding':
      next(decl.node);
      for (const a of assignmentsTo(decl, id.text, step.ctx.index)) next(a.right);
      return;
    case 'parameter':
      next(decl.node);
      for (const a of assignmentsTo(decl, id.text, step.ctx.index)) next(a.right);
      return;
    default:
      return;
  }
}

function followCall(call: CallLike, step: Step, next: (n: ts.Node | undefined, c?: FileContext, f?: Frame) => void, w: Walk): void {
  const callee = call.expression;
  const args = call.arguments ?? [];
  const text = calleeText(callee);
  if (text !== undefined && CONTENT_FUNCTIONS.has(text)) {
    for (const a of args) next(a);
    return;
  }
  if (ts.isPropertyAccessExpression(callee) && CONTENT_METHODS.has(callee.name.text)) {
    next(callee.expression);
    for (const a of args) next(a);
    return;
  }
  if (step.outward) return;
  let depth = 0;
  for (let f = step.frame; f; f = f.caller) depth++;
  if (depth >= MAX_FRAMES) return;
  const def = definitionWorthFollowing(call, step, w);
  if (!def) return;
  const frame: Frame = { fn: def.fn, call, callerCtx: step.ctx, caller: step.frame };
  for (const r of returnedExpressions(def.fn)) next(r, def.ctx, frame);
}

/**
 * The definition of a called function, when following it can matter. A function imported from another file is
 * parsed only when that file mentions one of the source's names, or when an argument of the call already carries
 * the source here (the helper may return it, `wrap(token)`); otherwise its result is a new value and the path ends.
 */
function definitionWorthFollowing(call: CallLike, step: Step, w: Walk): FunctionDefinition | undefined {
  const names = w.query.names;
  if (!names) return calleeDefinition(call, step.ctx);
  if (w.foreignOnly || w.nested) return calleeDefinitionMentioning(call, step.ctx, names);
  return calleeDefinitionMentioning(call, step.ctx, names, () => argumentsCarrySource(call, w));
}

/** Some argument of the call flows from the source within the analyzed file (captures are not kept). */
function argumentsCarrySource(call: CallLike, w: Walk): boolean {
  const { state } = w;
  const home = state.ctx;
  const mark = state.captures.mark();
  try {
    return (call.arguments ?? []).some((a) => walk(a, state, w.query, true));
  } finally {
    state.captures.rollback(mark);
    state.ctx = home;
  }
}
