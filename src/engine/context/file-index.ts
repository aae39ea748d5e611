import { ts } from '../ts';

/** A function-like node, or the source file for top-level code. */
export type FunctionScope = ts.SignatureDeclaration | ts.SourceFile;

/** Facts gathered in the single walk over a file, shared by every rule. */
export interface FileIndex {
  /** Nodes of the kinds the active rules asked for, in source order. */
  byKind: Map<ts.SyntaxKind, ts.Node[]>;
  /** Import declarations, `import x = require()` and variable declarations (bindings and constants). */
  imports: ts.ImportDeclaration[];
  importEquals: ts.ImportEqualsDeclaration[];
  variables: ts.VariableDeclaration[];
  /** Every call and `new` expression, with the functions enclosing it. */
  callsByFunction: Map<FunctionScope, Array<ts.CallExpression | ts.NewExpression>>;
  /** `receiver.method(...)` calls by receiver text (`tokenCache` → {get, set}). */
  methodsByReceiver: Map<string, Set<string>>;
  /** Every name declared anywhere in the file (variables, parameters, functions, classes, imports). */
  declaredNames: Set<string>;
  /** Module specifiers the file imports, requires or dynamically imports (`node:` prefix removed). */
  modules: Set<string>;
}

function addModule(modules: Set<string>, spec: ts.Expression | undefined): void {
  if (spec && ts.isStringLiteralLike(spec)) modules.add(spec.text.startsWith('node:') ? spec.text.slice(5) : spec.text);
}

/** `true` for nodes that start a new function scope. */
export function isFunctionScope(node: ts.Node): node is ts.SignatureDeclaration {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** Sets a node's parent pointer; the walk does it instead of a second pass in the parser. */
function setParent(node: ts.Node, parent: ts.Node): void {
  // `parent` is declared readonly for consumers of the compiler API; the parser assigns it the same way.
  (node as { parent: ts.Node }).parent = parent;
}

function addDeclaredName(names: Set<string>, name: ts.BindingName | ts.Identifier | undefined): void {
  if (!name) return;
  if (ts.isIdentifier(name)) {
    names.add(name.text);
    return;
  }
  for (const el of name.elements) {
    if (ts.isBindingElement(el)) addDeclaredName(names, el.name);
  }
}

/** Text of a receiver made of identifiers, `this` and property names (`this.cache`, `tokenCache`). */
export function receiverText(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expr)) {
    const left = receiverText(expr.expression);
    return left === undefined ? undefined : `${left}.${expr.name.text}`;
  }
  return undefined;
}

/**
 * Walks a file exactly once over the raw compiler nodes, sets parent pointers, and indexes what rules and
 * context need. `wanted` holds the syntax kinds the compiled rule table dispatches on.
 */
export function indexFile(sf: ts.SourceFile, wanted: ReadonlySet<ts.SyntaxKind>): FileIndex {
  const index: FileIndex = {
    byKind: new Map(),
    imports: [],
    importEquals: [],
    variables: [],
    callsByFunction: new Map(),
    methodsByReceiver: new Map(),
    declaredNames: new Set(),
    modules: new Set(),
  };
  const scopes: FunctionScope[] = [sf];
  const { byKind, callsByFunction, methodsByReceiver, declaredNames, modules } = index;
  const wantedKinds = new Uint8Array(ts.SyntaxKind.Count);
  for (const k of wanted) wantedKinds[k] = 1;
  let parent: ts.Node = sf;

  const visit = (node: ts.Node): void => {
    setParent(node, parent);
    const kind = node.kind;
    if (wantedKinds[kind] === 1) {
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(node);
    }
    switch (kind) {
      case ts.SyntaxKind.ImportDeclaration:
        index.imports.push(node as ts.ImportDeclaration);
        addModule(modules, (node as ts.ImportDeclaration).moduleSpecifier);
        break;
      case ts.SyntaxKind.ExportDeclaration:
        addModule(modules, (node as ts.ExportDeclaration).moduleSpecifier);
        break;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const decl = node as ts.ImportEqualsDeclaration;
        index.importEquals.push(decl);
        addDeclaredName(declaredNames, decl.name);
        if (ts.isExternalModuleReference(decl.moduleReference)) addModule(modules, decl.moduleReference.expression);
        break;
      }
      case ts.SyntaxKind.ImportClause:
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
        addDeclaredName(declaredNames, (node as ts.ImportClause | ts.NamespaceImport | ts.ImportSpecifier).name);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        index.variables.push(node as ts.VariableDeclaration);
        addDeclaredName(declaredNames, (node as ts.VariableDeclaration).name);
        break;
      case ts.SyntaxKind.Parameter:
        addDeclaredName(declaredNames, (node as ts.ParameterDeclaration).name);
        break;
      case ts.SyntaxKind.ClassDeclaration:
        addDeclaredName(declaredNames, (node as ts.ClassDeclaration).name);
        break;
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        for (const scope of scopes) {
          let calls = callsByFunction.get(scope);
          if (!calls) callsByFunction.set(scope, (calls = []));
          calls.push(call);
        }
        const callee = call.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
          addModule(modules, call.arguments?.[0]);
        }
        if (ts.isPropertyAccessExpression(callee)) {
          const recv = receiverText(callee.expression);
          if (recv !== undefined) {
            let methods = methodsByReceiver.get(recv);
            if (!methods) methodsByReceiver.set(recv, (methods = new Set()));
            methods.add(callee.name.text);
          }
        }
        break;
      }
      case ts.SyntaxKind.DeleteExpression: {
        // `delete cache[key]` evicts like `cache.delete(key)`.
        const target = (node as ts.DeleteExpression).expression;
        if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
          const recv = receiverText(target.expression);
          if (recv !== undefined) {
            let methods = methodsByReceiver.get(recv);
            if (!methods) methodsByReceiver.set(recv, (methods = new Set()));
            methods.add('delete');
          }
        }
        break;
      }
      default:
        break;
    }
    const outer = parent;
    parent = node;
    if (isFunctionScope(node)) {
      if (ts.isFunctionDeclaration(node)) addDeclaredName(declaredNames, node.name);
      scopes.push(node);
      ts.forEachChild(node, visit);
      scopes.pop();
    } else {
      ts.forEachChild(node, visit);
    }
    parent = outer;
  };
  ts.forEachChild(sf, visit);
  return index;
}
