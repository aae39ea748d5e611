import { ts } from '../ts';

/** A function-like node, or the source file for top-level code. */
export type FunctionScope = ts.SignatureDeclaration | ts.SourceFile;

/** A call or `new` expression. */
export type CallLike = ts.CallExpression | ts.NewExpression;

/**
 * Facts gathered in the single walk over a file, shared by every rule. The walk only records flat lists;
 * derived views (calls per function, methods per receiver) are built on first use (see index-views.ts).
 */
export interface FileIndex {
  /** Nodes of the kinds the active rules asked for, in source order. */
  byKind: Map<ts.SyntaxKind, ts.Node[]>;
  /** Import declarations, `import x = require()` and variable declarations (bindings and constants). */
  imports: ts.ImportDeclaration[];
  importEquals: ts.ImportEqualsDeclaration[];
  variables: ts.VariableDeclaration[];
  /** Every call and `new` expression, in source order. */
  calls: CallLike[];
  /** Targets of `delete x[k]` / `delete x.k`. */
  deletes: ts.DeleteExpression[];
  /** Plain assignments to a name (`x = value`), in source order (data flow follows them). */
  assignments: ts.BinaryExpression[];
  /** Every name declared anywhere in the file (variables, parameters, functions, classes, imports). */
  declaredNames: Set<string>;
  /** Module specifiers the file imports, requires or dynamically imports (`node:` prefix removed). */
  modules: Set<string>;
  /** Texts of string literals and template pieces, in source order (for rules' text prefilters). */
  literals: string[];
  /** For a merged index (see {@link mergeFileIndexes}): the indexes it merges, in order. */
  parts?: readonly FileIndex[];
}

const K = ts.SyntaxKind;

function addModule(modules: Set<string>, spec: ts.Expression | undefined): void {
  if (spec && ts.isStringLiteralLike(spec)) modules.add(spec.text.startsWith('node:') ? spec.text.slice(5) : spec.text);
}

/** `true` for nodes that start a new function scope. */
export function isFunctionScope(node: ts.Node): node is ts.SignatureDeclaration {
  switch (node.kind) {
    case K.FunctionDeclaration:
    case K.FunctionExpression:
    case K.ArrowFunction:
    case K.MethodDeclaration:
    case K.Constructor:
    case K.GetAccessor:
    case K.SetAccessor:
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

/** An index with nothing in it (the start of a walk, or of a merge). */
export function emptyFileIndex(): FileIndex {
  return {
    byKind: new Map(),
    imports: [],
    importEquals: [],
    variables: [],
    calls: [],
    deletes: [],
    assignments: [],
    declaredNames: new Set(),
    modules: new Set(),
    literals: [],
  };
}

/** One entry per syntax kind: 1 for the kinds the active rules dispatch on. */
export function kindTable(wanted: ReadonlySet<ts.SyntaxKind>): Uint8Array {
  const table = new Uint8Array(K.Count);
  for (const k of wanted) table[k] = 1;
  return table;
}

/**
 * Walks a file exactly once over the raw compiler nodes, sets parent pointers, and indexes what rules and
 * context need. `wanted` holds the syntax kinds the rules that apply to this file dispatch on.
 */
export function indexFile(sf: ts.SourceFile, wanted: ReadonlySet<ts.SyntaxKind>): FileIndex {
  const index = emptyFileIndex();
  const kinds = kindTable(wanted);
  ts.forEachChild(sf, (node) => indexSubtree(index, node, sf, kinds));
  return index;
}

/** `true` when an identifier is a member or property name (`x.name`, `{ name: 1 }`), not a reference to a binding. */
function isMemberName(node: ts.Node, parent: ts.Node): boolean {
  switch (parent.kind) {
    case K.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).name === node;
    case K.QualifiedName:
      return (parent as ts.QualifiedName).right === node;
    case K.PropertyAssignment:
    case K.PropertyDeclaration:
    case K.PropertySignature:
    case K.MethodDeclaration:
    case K.MethodSignature:
    case K.GetAccessor:
    case K.SetAccessor:
    case K.EnumMember:
      return (parent as ts.NamedDeclaration).name === node;
    default:
      return false;
  }
}

/**
 * `true` when an identifier names the binding its parent declares (`const x`, `function f`, `import { x }`,
 * `class C`, a parameter): a declaration site, which refers to no other statement's binding.
 */
function isDeclarationName(node: ts.Node, parent: ts.Node): boolean {
  switch (parent.kind) {
    case K.VariableDeclaration:
    case K.FunctionDeclaration:
    case K.ClassDeclaration:
    case K.Parameter:
    case K.ImportClause:
    case K.NamespaceImport:
    case K.ImportEqualsDeclaration:
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
    case K.EnumDeclaration:
      return (parent as ts.NamedDeclaration).name === node;
    case K.ImportSpecifier:
      return (parent as ts.ImportSpecifier).name === node;
    default:
      return false;
  }
}

/** Identifier texts met by {@link indexSubtree}: all of them, and those that can refer to a binding. */
export interface IdentifierSets {
  all: Set<string>;
  references: Set<string>;
}

/**
 * Indexes `root` and everything under it into `index` (parent pointers set, `root`'s to `parent`). When
 * `identifiers` is given, the identifier texts met are added to it (the editor's per-statement facts).
 */
export function indexSubtree(index: FileIndex, root: ts.Node, parent: ts.Node, wantedKinds: Uint8Array, identifiers?: IdentifierSets): void {
  const { byKind, calls, declaredNames, modules, literals } = index;
  let current: ts.Node = parent;

  const visit = (node: ts.Node): void => {
    setParent(node, current);
    const kind = node.kind;
    if (wantedKinds[kind] === 1) {
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(node);
    }
    switch (kind) {
      case K.Identifier:
      case K.PrivateIdentifier:
        if (identifiers) {
          identifiers.all.add((node as ts.Identifier).text);
          if (!isMemberName(node, current) && !isDeclarationName(node, current)) identifiers.references.add((node as ts.Identifier).text);
        }
        break;
      case K.ImportDeclaration:
        index.imports.push(node as ts.ImportDeclaration);
        addModule(modules, (node as ts.ImportDeclaration).moduleSpecifier);
        break;
      case K.ExportDeclaration:
        addModule(modules, (node as ts.ExportDeclaration).moduleSpecifier);
        break;
      case K.ImportEqualsDeclaration: {
        const decl = node as ts.ImportEqualsDeclaration;
        index.importEquals.push(decl);
        addDeclaredName(declaredNames, decl.name);
        if (ts.isExternalModuleReference(decl.moduleReference)) addModule(modules, decl.moduleReference.expression);
        break;
      }
      case K.ImportClause:
      case K.NamespaceImport:
      case K.ImportSpecifier:
        addDeclaredName(declaredNames, (node as ts.ImportClause | ts.NamespaceImport | ts.ImportSpecifier).name);
        break;
      case K.VariableDeclaration:
        index.variables.push(node as ts.VariableDeclaration);
        addDeclaredName(declaredNames, (node as ts.VariableDeclaration).name);
        break;
      case K.Parameter:
        addDeclaredName(declaredNames, (node as ts.ParameterDeclaration).name);
        break;
      case K.ClassDeclaration:
      case K.FunctionDeclaration:
        addDeclaredName(declaredNames, (node as ts.ClassDeclaration | ts.FunctionDeclaration).name);
        break;
      case K.CallExpression:
      case K.NewExpression: {
        const call = node as CallLike;
        calls.push(call);
        const callee = call.expression;
        if (callee.kind === K.ImportKeyword || (callee.kind === K.Identifier && (callee as ts.Identifier).text === 'require')) {
          addModule(modules, call.arguments?.[0]);
        }
        break;
      }
      case K.DeleteExpression:
        index.deletes.push(node as ts.DeleteExpression);
        break;
      case K.BinaryExpression: {
        const bin = node as ts.BinaryExpression;
        if (bin.operatorToken.kind === K.EqualsToken && bin.left.kind === K.Identifier) index.assignments.push(bin);
        break;
      }
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.TemplateHead:
      case K.TemplateMiddle:
      case K.TemplateTail:
        literals.push((node as ts.LiteralLikeNode).text);
        break;
      default:
        break;
    }
    const outer = current;
    current = node;
    ts.forEachChild(node, visit);
    current = outer;
  };
  visit(root);
}

/**
 * One index holding `parts` in order (each part indexes a later stretch of the same file than the one before).
 * `modules` is merged at once; the other lists when first read, so an editor pass pays only for what its rules use.
 */
export function mergeFileIndexes(parts: readonly FileIndex[]): FileIndex {
  const modules = new Set<string>();
  for (const part of parts) for (const m of part.modules) modules.add(m);
  const lazy = <T>(pick: (part: FileIndex) => readonly T[]): (() => T[]) => {
    let merged: T[] | undefined;
    return () => {
      if (!merged) {
        merged = [];
        for (const part of parts) append(merged, pick(part));
      }
      return merged;
    };
  };
  const byKind = (): Map<ts.SyntaxKind, ts.Node[]> => {
    const out = new Map<ts.SyntaxKind, ts.Node[]>();
    for (const part of parts) {
      for (const [kind, nodes] of part.byKind) {
        const list = out.get(kind);
        if (list) append(list, nodes);
        else out.set(kind, nodes.slice());
      }
    }
    return out;
  };
  const declaredNames = (): Set<string> => {
    const out = new Set<string>();
    for (const part of parts) for (const n of part.declaredNames) out.add(n);
    return out;
  };
  const fields = {
    byKind: once(byKind),
    imports: lazy((p) => p.imports),
    importEquals: lazy((p) => p.importEquals),
    variables: lazy((p) => p.variables),
    calls: lazy((p) => p.calls),
    deletes: lazy((p) => p.deletes),
    assignments: lazy((p) => p.assignments),
    literals: lazy((p) => p.literals),
    declaredNames: once(declaredNames),
  };
  const index = { modules, parts } as FileIndex;
  for (const [key, get] of Object.entries(fields)) Object.defineProperty(index, key, { get, enumerable: true });
  return index;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
