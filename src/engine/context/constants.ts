import { ts } from '../ts';
import type { FileIndex } from './file-index';

/** A value known at analysis time. `node` is where the literal is written (for ranges and redaction). */
export type ConstValue =
  | { kind: 'string'; value: string; node: ts.Node; envFallback?: string }
  | { kind: 'number'; value: number; node: ts.Node; envFallback?: string }
  | { kind: 'boolean'; value: boolean; node: ts.Node }
  | { kind: 'null'; node: ts.Node }
  | { kind: 'array'; elements: Array<ConstValue | undefined>; node: ts.Node };

/** An object literal reached through consts: its known properties, and whether unknown ones may exist. */
export interface ResolvedObject {
  node: ts.ObjectLiteralExpression;
  /** Known keys; methods and accessors are present without a value expression. */
  props: Map<string, ts.Expression | undefined>;
  /** A spread or computed key makes absence of other keys unknowable. */
  open: boolean;
}

const MAX_DEPTH = 8;

/** Parentheses, `as`, `satisfies`, `!` and `<T>` casts: the value is the inner expression's. */
export function isTransparentWrapper(
  expr: ts.Expression,
): expr is ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion {
  return (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isTypeAssertionExpression(expr)
  );
}

/** Name of a property/element key when it is static. */
export function propertyKeyName(name: ts.PropertyName | ts.Expression): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return propertyKeyName(name.expression);
  return undefined;
}

function isEnvRead(expr: ts.Expression): string | undefined {
  // process.env.X, process.env['X'], import.meta.env.X
  const e = ts.isNonNullExpression(expr) ? expr.expression : expr;
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  const key = ts.isPropertyAccessExpression(e) ? e.name.text : propertyKeyName(e.argumentExpression);
  const obj = e.expression;
  if (!key || !ts.isPropertyAccessExpression(obj) || obj.name.text !== 'env') return undefined;
  const root = obj.expression;
  if (ts.isIdentifier(root) && root.text === 'process') return key;
  if (ts.isMetaProperty(root) && root.name.text === 'meta') return key;
  return undefined;
}

/** The environment variable name when `expr` reads one (`process.env.X`, `import.meta.env.X`). */
export function envVarName(expr: ts.Expression): string | undefined {
  return isEnvRead(expr);
}

/**
 * In-file constant resolution: literals reached through `const`s, template literals, string concatenation,
 * arithmetic, object properties of const objects, and `process.env.X || 'literal'` / `?? 'literal'` fallbacks.
 */
export class Constants {
  private readonly consts = new Map<string, ts.Expression | null>();
  /** Top-level answers per node: many rules ask about the same literal. */
  private readonly resolved = new Map<ts.Node, ConstValue | null>();

  constructor(index: FileIndex) {
    for (const decl of index.variables) {
      if (!ts.isIdentifier(decl.name)) continue;
      const list = decl.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      const name = decl.name.text;
      // A name declared twice (shadowing in another scope) is ambiguous without scope analysis.
      if (this.consts.has(name) || !isConst || !decl.initializer) this.consts.set(name, null);
      else this.consts.set(name, decl.initializer);
    }
  }

  /** The initializer of a uniquely declared `const` of this name. */
  initializerOf(name: string): ts.Expression | undefined {
    return this.consts.get(name) ?? undefined;
  }

  /** Resolves an expression to a constant value, or `undefined` when it is not known. */
  resolve(expr: ts.Expression, depth = 0): ConstValue | undefined {
    if (depth === 0) {
      const hit = this.resolved.get(expr);
      if (hit !== undefined) return hit ?? undefined;
      const value = this.resolveUncached(expr, 0);
      this.resolved.set(expr, value ?? null);
      return value;
    }
    return this.resolveUncached(expr, depth);
  }

  private resolveUncached(expr: ts.Expression, depth: number): ConstValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const d = depth + 1;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { kind: 'string', value: expr.text, node: expr };
    if (ts.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text), node: expr };
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true, node: expr };
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false, node: expr };
    if (expr.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', node: expr };
    if (isTransparentWrapper(expr)) return this.resolve(expr.expression, d);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken) {
      const v = this.resolve(expr.operand, d);
      return v?.kind === 'number' ? { kind: 'number', value: -v.value, node: expr } : undefined;
    }
    if (ts.isIdentifier(expr)) {
      const init = this.initializerOf(expr.text);
      return init ? this.resolve(init, d) : undefined;
    }
    if (ts.isTemplateExpression(expr)) {
      let out = expr.head.text;
      for (const span of expr.templateSpans) {
        const v = this.resolve(span.expression, d);
        if (!v || (v.kind !== 'string' && v.kind !== 'number')) return undefined;
        out += String(v.value) + span.literal.text;
      }
      return { kind: 'string', value: out, node: expr };
    }
    if (ts.isArrayLiteralExpression(expr)) {
      return { kind: 'array', elements: expr.elements.map((el) => (ts.isSpreadElement(el) ? undefined : this.resolve(el, d))), node: expr };
    }
    if (ts.isBinaryExpression(expr)) return this.resolveBinary(expr, d);
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      const key = ts.isPropertyAccessExpression(expr) ? expr.name.text : propertyKeyName(expr.argumentExpression);
      if (key === undefined) return undefined;
      const obj = this.resolveObject(expr.expression, d);
      const value = obj?.props.get(key);
      return value ? this.resolve(value, d) : undefined;
    }
    return undefined;
  }

  private resolveBinary(expr: ts.BinaryExpression, d: number): ConstValue | undefined {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const env = isEnvRead(expr.left);
      if (env !== undefined) {
        const fallback = this.resolve(expr.right, d);
        if (fallback && (fallback.kind === 'string' || fallback.kind === 'number')) return { ...fallback, envFallback: env };
      }
      return undefined;
    }
    const left = this.resolve(expr.left, d);
    if (!left) return undefined;
    const right = this.resolve(expr.right, d);
    if (!right) return undefined;
    if (op === ts.SyntaxKind.PlusToken) {
      if (left.kind === 'string' || right.kind === 'string') {
        if ((left.kind !== 'string' && left.kind !== 'number') || (right.kind !== 'string' && right.kind !== 'number')) return undefined;
        return { kind: 'string', value: String(left.value) + String(right.value), node: expr };
      }
    }
    if (left.kind !== 'number' || right.kind !== 'number') return undefined;
    const a = left.value;
    const b = right.value;
    switch (op) {
      case ts.SyntaxKind.PlusToken:
        return { kind: 'number', value: a + b, node: expr };
      case ts.SyntaxKind.MinusToken:
        return { kind: 'number', value: a - b, node: expr };
      case ts.SyntaxKind.AsteriskToken:
        return { kind: 'number', value: a * b, node: expr };
      case ts.SyntaxKind.SlashToken:
        return b === 0 ? undefined : { kind: 'number', value: a / b, node: expr };
      case ts.SyntaxKind.AsteriskAsteriskToken:
        return { kind: 'number', value: a ** b, node: expr };
      default:
        return undefined;
    }
  }

  /** Resolves an expression to an object literal (directly or through consts and member chains). */
  resolveObject(expr: ts.Expression, depth = 0): ResolvedObject | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const d = depth + 1;
    if (isTransparentWrapper(expr)) return this.resolveObject(expr.expression, d);
    if (ts.isIdentifier(expr)) {
      const init = this.initializerOf(expr.text);
      return init ? this.resolveObject(init, d) : undefined;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const parent = this.resolveObject(expr.expression, d);
      const value = parent?.props.get(expr.name.text);
      return value ? this.resolveObject(value, d) : undefined;
    }
    if (!ts.isObjectLiteralExpression(expr)) return undefined;
    const props = new Map<string, ts.Expression | undefined>();
    let open = false;
    for (const p of expr.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKeyName(p.name);
        if (key === undefined) open = true;
        else props.set(key, p.initializer);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.set(p.name.text, p.name);
      } else if (ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p)) {
        const key = propertyKeyName(p.name);
        if (key === undefined) open = true;
        else props.set(key, undefined);
      } else {
        // A spread may add any key.
        open = true;
      }
    }
    return { node: expr, props, open };
  }
}
