import { isFunctionScope, type FileIndex } from '../context/file-index';
import { assignmentsByName } from '../context/index-views';
import { NodeMemo } from '../context/node-memo';
import { ts } from '../ts';

/** Where a local name is declared: a variable, a destructured binding, a parameter or a function. */
export type LocalDeclaration =
  | { kind: 'variable'; node: ts.VariableDeclaration; scope: ts.Node }
  | { kind: 'binding'; node: ts.BindingElement; scope: ts.Node }
  | { kind: 'parameter'; node: ts.ParameterDeclaration; scope: ts.Node }
  | { kind: 'function'; node: ts.FunctionDeclaration | ts.ClassDeclaration; scope: ts.Node };

/** The declaration a binding element belongs to: the variable or parameter holding the whole pattern. */
export function bindingRoot(el: ts.BindingElement): ts.VariableDeclaration | ts.ParameterDeclaration | undefined {
  let p: ts.Node = el.parent;
  while (ts.isObjectBindingPattern(p) || ts.isArrayBindingPattern(p) || ts.isBindingElement(p)) p = p.parent;
  return ts.isVariableDeclaration(p) || ts.isParameter(p) ? p : undefined;
}

/** The declaration of `name` inside a binding pattern, if any. */
function bindingNamed(name: ts.BindingName, wanted: string): ts.BindingElement | undefined {
  if (ts.isIdentifier(name)) return undefined;
  for (const el of name.elements) {
    if (!ts.isBindingElement(el)) continue;
    if (ts.isIdentifier(el.name)) {
      if (el.name.text === wanted) return el;
    } else {
      const inner = bindingNamed(el.name, wanted);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `name` declared by one variable declaration (plainly or by destructuring), scoped to `scope`. */
function fromVariable(decl: ts.VariableDeclaration, wanted: string, scope: ts.Node): LocalDeclaration | undefined {
  if (ts.isIdentifier(decl.name)) return decl.name.text === wanted ? { kind: 'variable', node: decl, scope } : undefined;
  const el = bindingNamed(decl.name, wanted);
  return el ? { kind: 'binding', node: el, scope } : undefined;
}

function fromVariableList(list: ts.VariableDeclarationList, wanted: string, scope: ts.Node): LocalDeclaration | undefined {
  for (const decl of list.declarations) {
    const found = fromVariable(decl, wanted, scope);
    if (found) return found;
  }
  return undefined;
}

/** Statement lists longer than this get a name table instead of a scan per lookup (module scopes, long handlers). */
const TABLE_FROM = 12;

const statementTables = new NodeMemo<Map<string, LocalDeclaration>>();

/** Adds what a binding name declares (plainly or by destructuring); the first declaration of a name wins. */
function addDeclarations(table: Map<string, LocalDeclaration>, name: ts.BindingName, decl: ts.VariableDeclaration, scope: ts.Node, el?: ts.BindingElement): void {
  if (ts.isIdentifier(name)) {
    if (table.has(name.text)) return;
    table.set(name.text, el ? { kind: 'binding', node: el, scope } : { kind: 'variable', node: decl, scope });
    return;
  }
  for (const child of name.elements) if (ts.isBindingElement(child)) addDeclarations(table, child.name, decl, scope, child);
}

/** The names a statement list declares: built once per list, then each lookup is one map read. */
function statementTable(scope: ts.Node, statements: ts.NodeArray<ts.Statement>): Map<string, LocalDeclaration> {
  const hit = statementTables.get(scope);
  if (hit) return hit;
  const table = new Map<string, LocalDeclaration>();
  for (const stmt of statements) {
    if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) addDeclarations(table, decl.name, decl, scope);
    } else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name && !table.has(stmt.name.text)) {
      table.set(stmt.name.text, { kind: 'function', node: stmt, scope });
    }
  }
  statementTables.set(scope, table);
  return table;
}

/** `name` declared directly in `scope`: its statements, a loop's or catch clause's variable, or a function's parameters. */
function declaredIn(scope: ts.Node, wanted: string): LocalDeclaration | undefined {
  if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    if (scope.statements.length > TABLE_FROM) return statementTable(scope, scope.statements).get(wanted);
    for (const stmt of scope.statements) {
      if (ts.isVariableStatement(stmt)) {
        const found = fromVariableList(stmt.declarationList, wanted, scope);
        if (found) return found;
      } else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name?.text === wanted) {
        return { kind: 'function', node: stmt, scope };
      }
    }
    return undefined;
  }
  if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    return fromVariableList(scope.initializer, wanted, scope);
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) return fromVariable(scope.variableDeclaration, wanted, scope);
  if (isFunctionScope(scope)) {
    for (const param of scope.parameters) {
      if (ts.isIdentifier(param.name)) {
        if (param.name.text === wanted) return { kind: 'parameter', node: param, scope };
      } else {
        const el = bindingNamed(param.name, wanted);
        if (el) return { kind: 'binding', node: el, scope };
      }
    }
  }
  return undefined;
}

/**
 * The declaration an identifier refers to: the nearest enclosing block, loop, function or file that declares its
 * name. A lightweight stand-in for the checker's symbol resolution that looks only at the scopes on the way up,
 * so a flow question costs what its path costs, not a walk of the file.
 */
export function resolveLocal(id: ts.Identifier): LocalDeclaration | undefined {
  const hit = resolved.get(id);
  if (hit !== undefined) return hit ?? undefined;
  let found: LocalDeclaration | undefined;
  for (let p: ts.Node | undefined = id.parent; p && !found; p = p.parent) found = declaredIn(p, id.text);
  resolved.set(id, found ?? null);
  return found;
}

const resolved = new NodeMemo<LocalDeclaration | null>();

function isAncestor(anc: ts.Node, node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p; p = p.parent) if (p === anc) return true;
  return false;
}

/** Plain assignments (`name = value`) to a declared name inside its scope, in source order (from the file walk). */
export function assignmentsTo(decl: LocalDeclaration, name: string, index: FileIndex): ts.BinaryExpression[] {
  const candidates = assignmentsByName(index).get(name);
  if (!candidates) return [];
  return candidates.filter((a) => isAncestor(decl.scope, a) && resolveLocal(a.left as ts.Identifier)?.node === decl.node);
}

/** A module-level function (declaration, or a const bound to an arrow/function expression) with this name. */
export function localFunctionNamed(name: ts.Identifier): ts.SignatureDeclaration | undefined {
  const decl = resolveLocal(name);
  if (!decl) return undefined;
  if (decl.kind === 'function') return ts.isFunctionDeclaration(decl.node) && decl.node.body ? decl.node : undefined;
  if (decl.kind === 'variable' && decl.node.initializer) {
    let init = decl.node.initializer;
    while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}
