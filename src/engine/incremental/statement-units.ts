/**
 * Per-statement facts for the editor's incremental analysis: each top-level statement is indexed on its own, so
 * after an edit only the statements the incremental parser re-created are walked again; the file's index is the
 * statements' indexes merged in order.
 */
import { emptyFileIndex, indexSubtree, type FileIndex } from '../context/file-index';
import { resolveLocal } from '../flow/local-declarations';
import type { TextFilter } from '../text-filter';
import { someNamePasses, type NameTest } from '../match/name-spec';
import { ts } from '../ts';
import type { Finding, Notice } from '../types';

/** What one top-level statement contributes to its file, and what the rules found when dispatched on it. */
export interface StatementUnit {
  readonly index: FileIndex;
  /** Every identifier text in the statement (references, declarations, member names). */
  readonly identifiers: ReadonlySet<string>;
  /** The identifier texts that can refer to a binding (member and property names, and declared names, left out). */
  readonly references: ReadonlySet<string>;
  /** Names the statement declares at module level (imports, variables, functions, classes, enums, namespaces). */
  readonly declares: ReadonlySet<string>;
  /** Module-level or undeclared names the statement assigns anywhere (`x = ...`). */
  readonly assigns: ReadonlySet<string>;
  /**
   * Per filter slot of the analyzer: bit i set when the statement's identifiers and literals pass the filter's
   * part i (see {@link TextFilter.parts}; 0 for filters without parts).
   */
  readonly filterParts: Uint32Array;
  /** `true` for a string statement (`'use client'`): in the directive prologue it changes facts about the whole file. */
  readonly directiveLike: boolean;
  /** Findings of rules dispatched on the statement's nodes, in the coordinates of the text they were made on. */
  findings: Finding[];
  notices: Notice[];
  /** Answers of {@link unitMentions}, kept while the statement lives. */
  readonly nameAnswers: Map<NameTest, boolean>;
}

/** `true` when an identifier or short literal (at most 64 characters) of the statement passes `test`. */
export function unitMentions(unit: StatementUnit, test: NameTest): boolean {
  let answer = unit.nameAnswers.get(test);
  if (answer === undefined) {
    answer = someNamePasses(unit.identifiers, unit.index.literals, test);
    unit.nameAnswers.set(test, answer);
  }
  return answer;
}

function addBindingNames(out: Set<string>, name: ts.BindingName): void {
  if (ts.isIdentifier(name)) {
    out.add(name.text);
    return;
  }
  for (const el of name.elements) if (ts.isBindingElement(el)) addBindingNames(out, el.name);
}

/** Names a top-level statement declares in the module scope. */
function moduleDeclarations(stmt: ts.Statement, out: Set<string>): void {
  if (ts.isVariableStatement(stmt)) {
    for (const d of stmt.declarationList.declarations) addBindingNames(out, d.name);
  } else if (ts.isImportDeclaration(stmt)) {
    const clause = stmt.importClause;
    if (clause?.name) out.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) out.add(bindings.name.text);
    else if (bindings) for (const el of bindings.elements) out.add(el.name.text);
  } else if (ts.isImportEqualsDeclaration(stmt)) {
    out.add(stmt.name.text);
  } else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt) || ts.isModuleDeclaration(stmt)) && stmt.name && ts.isIdentifier(stmt.name)) {
    out.add(stmt.name.text);
  }
}

function isDirective(stmt: ts.Statement): boolean {
  return ts.isExpressionStatement(stmt) && ts.isStringLiteral(stmt.expression);
}

/**
 * Indexes one top-level statement (parent pointers set under it) and computes its facts; `partBits` answers the
 * filter parts on the statement's identifiers and literals (see `Analyzer.filterPartBits`).
 */
export function buildStatementUnit(stmt: ts.Statement, sf: ts.SourceFile, kinds: Uint8Array, partBits: (corpus: string) => Uint32Array): StatementUnit {
  const index = emptyFileIndex();
  const identifiers = new Set<string>();
  const references = new Set<string>();
  indexSubtree(index, stmt, sf, kinds, { all: identifiers, references });
  const declares = new Set<string>();
  moduleDeclarations(stmt, declares);
  const assigns = new Set<string>();
  // Assignments to module-level or undeclared names tie statements together; ones to a function's locals do not.
  for (const a of index.assignments) {
    if (!ts.isIdentifier(a.left)) continue;
    const decl = resolveLocal(a.left);
    if (!decl || decl.scope === sf) assigns.add(a.left.text);
  }
  const filterParts = partBits(`${[...identifiers].join('\n')}\n${index.literals.join('\n')}`);
  return { index, identifiers, references, declares, assigns, filterParts, directiveLike: isDirective(stmt), findings: [], notices: [], nameAnswers: new Map() };
}

/** `true` when the two sets share an element. */
export function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}
