/**
 * The editor's per-keystroke analysis. The incremental parser re-creates only the top-level statements an edit
 * touches and hands back the others as the same node objects (moved); this module re-indexes and re-matches just
 * the re-created statements — and the unchanged ones that depend on them by name — and moves the other
 * statements' findings to their new offsets.
 *
 * The dependency test is by name, following how a name resolves: to the first statement that declares it at module
 * level. A statement is matched again when it mentions a name a changed statement assigns or declares first
 * (imports included; a redeclaration binds nothing), or when it assigns a name a changed statement mentions or is
 * where such a name is first declared. Rules an
 * edit switches on (their prefilter's word appeared) run on every statement, and switched-off rules' findings go;
 * an edit to a directive (`'use client'`) re-matches everything. What a name test cannot
 * see (two statements tied only through a shared receiver, such as sibling routes on one `app`) can stay as it
 * was until the next full analysis; {@link IncrementalResult.partial} says when statements were reused, so the
 * editor runs that full analysis once typing pauses.
 */
import { countLines, type ActiveRules, type Analyzer } from '../analyzer';
import { kindTable, mergeFileIndexes } from '../context/file-index';
import { releaseNodeMemos } from '../context/node-memo';
import { ts } from '../ts';
import type { FileResult, Finding, Notice } from '../types';
import { editSpan, findingTouches, shiftFinding, type EditSpan } from './shift-findings';
import { buildStatementUnit, intersects, unitMentions, type StatementUnit } from './statement-units';

/** What one analysis leaves for the next one on the same document. */
export interface IncrementalState {
  readonly analyzer: Analyzer;
  readonly units: ReadonlyMap<ts.Statement, StatementUnit>;
  readonly lineStarts: readonly number[];
  readonly active: ActiveRules;
  readonly kinds: Uint8Array;
  /** The statements of the directive prologue. */
  readonly prologue: readonly StatementUnit[];
  /** Per module-level name, the statement that declares it first (where references to it resolve). */
  readonly firstDeclarer: ReadonlyMap<string, StatementUnit>;
}

/** An analysis result and the state the next keystroke starts from. */
export interface IncrementalResult {
  result: FileResult;
  state: IncrementalState;
  /** `true` when some statements' findings were carried over instead of matched again. */
  partial: boolean;
  /** Statements matched in this pass, and in the file. */
  matched: number;
  statements: number;
}

/** `true` when a changed statement is (or was) part of the directive prologue: the leading string statements. */
function touchesPrologue(changed: readonly StatementUnit[], units: readonly StatementUnit[], prev: IncrementalState): boolean {
  const now = prologueOf(units);
  if (now.length !== prev.prologue.length || now.some((u, i) => u !== prev.prologue[i])) return true;
  const prologue = new Set([...now, ...prev.prologue]);
  return changed.some((u) => prologue.has(u));
}

function prologueOf(units: readonly StatementUnit[]): StatementUnit[] {
  const out: StatementUnit[] = [];
  for (const u of units) {
    if (!u.directiveLike) break;
    out.push(u);
  }
  return out;
}

/** The file's distinct identifiers and its literal texts, one per line (what full analyses filter on). */
function unitsCorpus(units: readonly StatementUnit[]): string {
  const identifiers = new Set<string>();
  const literals: string[] = [];
  for (const u of units) {
    for (const id of u.identifiers) identifiers.add(id);
    for (const lit of u.index.literals) literals.push(lit);
  }
  return `${[...identifiers].join('\n')}\n${literals.join('\n')}`;
}

/** Per module-level name, the first statement declaring it. */
function firstDeclarers(units: readonly StatementUnit[]): Map<string, StatementUnit> {
  const out = new Map<string, StatementUnit>();
  for (const u of units) for (const n of u.declares) if (!out.has(n)) out.set(n, u);
  return out;
}

function sameRules(a: ActiveRules, b: ActiveRules): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** Sets a reused statement's parent pointer to the new tree (the parser leaves it on the old one). */
function adopt(stmt: ts.Statement, sf: ts.SourceFile): void {
  (stmt as { parent: ts.Node }).parent = sf;
}

/**
 * Analyzes `sf` (the tree of `text`), reusing what `previous` knows about the statements the incremental parser
 * kept. `change` is the edit from the previous text; without it, or without a previous state made by the same
 * analyzer, every statement is matched.
 */
export function analyzeIncrementally(analyzer: Analyzer, file: string, text: string, sf: ts.SourceFile, change: ts.TextChangeRange | undefined, previous: IncrementalState | undefined): IncrementalResult {
  const prev = previous && previous.analyzer === analyzer && change ? previous : undefined;
  releaseNodeMemos();
  const kinds = prev?.kinds ?? kindTable(analyzer.dispatchKinds);
  const filters = analyzer.textFilters;
  const partBits = (corpus: string): Uint32Array => analyzer.filterPartBits(corpus);
  adopt(sf.endOfFileToken as unknown as ts.Statement, sf);

  const units: StatementUnit[] = [];
  const unitOf = new Map<ts.Statement, StatementUnit>();
  const fresh = new Set<StatementUnit>();
  for (const stmt of sf.statements) {
    let unit = prev?.units.get(stmt);
    if (unit) adopt(stmt, sf);
    else {
      unit = buildStatementUnit(stmt, sf, kinds, partBits);
      fresh.add(unit);
    }
    units.push(unit);
    unitOf.set(stmt, unit);
  }
  const index = mergeFileIndexes(units.map((u) => u.index));
  const firstDeclarer = firstDeclarers(units);
  // A filter's part passes on the file when it passes on some statement; filters that can look across lines run
  // on the file's identifiers and literals, as in a full analysis.
  const passes = new Uint32Array(filters.length);
  for (const u of units) for (let slot = 0; slot < passes.length; slot++) passes[slot]! |= u.filterParts[slot]!;
  let corpus: string | undefined;
  let lowered: string | undefined;
  const fileCorpus = (): string => (corpus ??= unitsCorpus(units));
  const lower = (): string => (lowered ??= fileCorpus().toLowerCase());
  const filterPasses = (slot: number): boolean => {
    const filter = filters[slot]!;
    return filter.parts ? passes[slot] === 2 ** filter.parts.length - 1 : filter.test(fileCorpus(), lower);
  };
  const active = analyzer.activeRules(index.modules, filterPasses, file);

  // The statements to match: all of them, or the changed ones and those tied to them by name.
  let dirty: Set<StatementUnit>;
  let edit: EditSpan | undefined;
  const changed = [...fresh];
  if (prev) for (const [stmt, unit] of prev.units) if (!unitOf.has(stmt)) changed.push(unit);
  // Rules the edit switched on (a word a prefilter wants appeared) run on every statement; switched-off ones drop.
  let added: ActiveRules = [];
  let removed = new Set<ActiveRules[number]>();
  if (prev && !sameRules(active, prev.active)) {
    const before = new Set(prev.active);
    const now = new Set(active);
    added = active.filter((e) => !before.has(e));
    removed = new Set(prev.active.filter((e) => !now.has(e)));
  }
  if (!prev || touchesPrologue(changed, units, prev) || changed.length > units.length / 2) {
    dirty = new Set(units);
  } else {
    edit = editSpan(change!, prev.lineStarts);
    // Names the changed statements mention, and names whose binding or assigned values changed.
    const changedNames = new Set<string>();
    const changedBindings = new Set<string>();
    for (const u of changed) {
      for (const n of u.references) changedNames.add(n);
      for (const n of u.declares) if (firstDeclarer.get(n) === u || prev.firstDeclarer.get(n) === u) changedBindings.add(n);
      for (const n of u.assigns) changedBindings.add(n);
    }
    dirty = new Set(fresh);
    for (const n of changedNames) {
      const decl = firstDeclarer.get(n);
      if (decl) dirty.add(decl);
    }
    for (const u of units) {
      if (dirty.has(u)) continue;
      if (intersects(u.references, changedBindings) || intersects(u.assigns, changedNames) || u.findings.some((f) => findingTouches(f, edit!))) dirty.add(u);
    }
  }

  const ctx = analyzer.contextFor(file, sf, index);
  ctx.nameOccurs = (test) => units.some((u) => unitMentions(u, test));
  for (const u of units) {
    if (dirty.has(u)) {
      const findings: Finding[] = [];
      const notices: Notice[] = [];
      analyzer.matchNodes(active, ctx, u.index.byKind, findings, notices, new Set());
      u.findings = findings;
      u.notices = notices;
    } else if (edit) {
      if (u.findings.length > 0) u.findings = u.findings.map((f) => shiftFinding(f, edit!, sf));
      if (removed.size > 0) {
        const gone = new Set([...removed].map((e) => e.rule.id));
        u.findings = u.findings.filter((f) => !gone.has(f.ruleId));
      }
      if (added.length > 0) analyzer.matchNodes(added, ctx, u.index.byKind, u.findings, u.notices, new Set());
    }
  }

  // Copies: suppressions annotate the findings they are given, and the units keep theirs clean.
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const f of u.findings) {
      const key = `${f.ruleId}:${f.range.startOffset}:${f.range.endOffset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ ...f });
    }
    notices.push(...u.notices);
  }
  const result = analyzer.finish(file, text, findings, notices, countLines(text));
  return {
    result,
    state: { analyzer, units: unitOf, lineStarts: sf.getLineStarts(), active, kinds, prologue: prologueOf(units), firstDeclarer },
    partial: dirty.size < units.length,
    matched: dirty.size,
    statements: units.length,
  };
}
