import { isFunctionScope } from '../context/file-index';
import { ts } from '../ts';

/** Where a local name is declared: a variable, a destructured binding, a parameter or a function. */
export type LocalDeclaration =
  | { kind: 'variable'; node: ts.VariableDeclaration; scope: ts.Node }
  | { kind: 'binding'; node: ts.BindingElement; scope: ts.Node }
  | { kind: 'parameter'; node: ts.ParameterDeclaration; scope: ts.Node }
  | { kind: 'function'; node: ts.FunctionDeclaration | ts.ClassDeclaration; scope: ts.Node };

/** Every local declaration and plain assignment of a file, by name. */
interface DeclarationTable {
  declarations: Map<string, LocalDeclaration[]>;
  assignments: Map<string, ts.BinaryExpression[]>;
}

const tables = new WeakMap<ts.SourceFile, DeclarationTable>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The block, loop, function or file that scopes a variable declaration (`var` is treated like `let`). */
function variableScope(decl: ts.VariableDeclaration): ts.Node {
  const holder = decl.parent.parent;
  return ts.isVariableStatement(holder) ? holder.parent : holder;
}

/** The declaration a binding element belongs to: the variable or parameter holding the whole pattern. */
export function bindingRoot(el: ts.BindingElement): ts.VariableDeclaration | ts.ParameterDeclaration | undefined {
  let p: ts.Node = el.parent;
  while (ts.isObjectBindingPattern(p) || ts.isArrayBindingPattern(p) || ts.isBindingElement(p)) p = p.parent;
  return ts.isVariableDeclaration(p) || ts.isParameter(p) ? p : undefined;
}

function addBindingNames(name: ts.BindingName, table: DeclarationTable, scope: ts.Node): void {
  if (ts.isIdentifier(name)) return;
  for (const el of name.elements) {
    if (!ts.isBindingElement(el)) continue;
    if (ts.isIdentifier(el.name)) push(table.declarations, el.name.text, { kind: 'binding', node: el, scope });
    else addBindingNames(el.name, table, scope);
  }
}

function build(sf: ts.SourceFile): DeclarationTable {
  const table: DeclarationTable = { declarations: new Map(), assignments: new Map() };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) {
      const scope = variableScope(node);
      if (ts.isIdentifier(node.name)) push(table.declarations, node.name.text, { kind: 'variable', node, scope });
      else addBindingNames(node.name, table, scope);
    } else if (ts.isParameter(node) && isFunctionScope(node.parent)) {
      if (ts.isIdentifier(node.name)) push(table.declarations, node.name.text, { kind: 'parameter', node, scope: node.parent });
      else addBindingNames(node.name, table, node.parent);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      push(table.declarations, node.name.text, { kind: 'function', node, scope: node.parent });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
      push(table.assignments, node.left.text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return table;
}

function tableOf(sf: ts.SourceFile): DeclarationTable {
  let table = tables.get(sf);
  if (!table) tables.set(sf, (table = build(sf)));
  return table;
}

function isAncestor(anc: ts.Node, node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p; p = p.parent) if (p === anc) return true;
  return false;
}

/**
 * The declaration an identifier refers to: among same-named declarations in the file, the one whose scope
 * most closely encloses the identifier. A lightweight stand-in for the checker's symbol resolution, built from
 * one extra walk per file and only for files where a flow question is asked.
 */
export function resolveLocal(id: ts.Identifier, sf: ts.SourceFile): LocalDeclaration | undefined {
  const candidates = tableOf(sf).declarations.get(id.text);
  if (!candidates) return undefined;
  let best: LocalDeclaration | undefined;
  for (const c of candidates) {
    if (!isAncestor(c.scope, id)) continue;
    if (!best || (best.scope !== c.scope && isAncestor(best.scope, c.scope))) best = c;
  }
  return best;
}

/** Plain assignments (`name = value`) to a declared name inside its scope, in source order. */
export function assignmentsTo(decl: LocalDeclaration, name: string, sf: ts.SourceFile): ts.BinaryExpression[] {
  const all = tableOf(sf).assignments.get(name);
  if (!all) return [];
  return all.filter((a) => isAncestor(decl.scope, a) && resolveLocal(a.left as ts.Identifier, sf)?.node === decl.node);
}

/** A module-level function (declaration, or a const bound to an arrow/function expression) with this name. */
export function localFunctionNamed(name: ts.Identifier, sf: ts.SourceFile): ts.SignatureDeclaration | undefined {
  const decl = resolveLocal(name, sf);
  if (!decl) return undefined;
  if (decl.kind === 'function') return ts.isFunctionDeclaration(decl.node) && decl.node.body ? decl.node : undefined;
  if (decl.kind === 'variable' && decl.node.initializer) {
    let init = decl.node.initializer;
    while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}
