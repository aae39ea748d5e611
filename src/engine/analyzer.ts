import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import { CallIndex } from './context/call-index';
import { FileContext, relativePath } from './context/file-context';
import { indexFile, type FileIndex } from './context/file-index';
import type { FixRouting } from './fixes/build-fix';
import { buildFinding } from './build-finding';
import { Captures, type Compiled, type MatchState } from './match/compiled';
import type { CrossFileResolver } from './flow/callee-definition';
import { internedIdentifiers, parseSource } from './parse';
import { requiredModules } from './match/required-modules';
import { compiledPatternOf } from './rules/load-rules';
import type { LoadedRule } from './rules/rule-types';
import { applySuppressions } from './apply-suppressions';
import { parseSuppressions } from './suppressions';
import { ts } from './ts';
import type { FileResult, Finding, Notice, Severity } from './types';
import { releaseNodeMemos } from './context/node-memo';
import { FilterSet } from './filter-set';
import { compileTextFilter, type TextFilter } from './text-filter';
import type { EffectivePolicy } from './policy/policy-types';
import { ruleSettings, type RuleSettings } from './policy/rule-settings';
import { filePolicyFacts, type FilePolicyFacts } from './context/file-policy-facts';

/** Options of an {@link Analyzer}. */
export interface AnalyzerOptions {
  rules: LoadedRule[];
  /** Files larger than this are skipped with a notice (default 1 MB). */
  maxFileBytes?: number;
  /** Per-rule severity overrides; `off` disables a rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Root that relative paths (test/client path heuristics, globs, SARIF) are computed from. */
  root?: string;
  /** Variant routing for fixes (identity provider, secret store, `.env.example` folder). */
  routing?: FixRouting;
  /**
   * The team policy that applies to the analyzed files: rule enable/disable, severities and options, fix routing
   * (its identityProvider/secretStore win over `routing`), trust-boundary globs, approved auth modules and
   * token lifetimes. `severity` overrides apply on top of it. `ignore` globs are the caller's to apply.
   */
  policy?: EffectivePolicy;
  /** The date suppressions' `until` is compared with (default: today). */
  today?: string;
  /**
   * Resolves functions imported from other workspace files, so what a helper does counts at its call site
   * (`definition`, `flowsFrom`). Audits pass a {@link WorkspaceResolver}; the editor leaves it out and stays per-file.
   */
  crossFile?: CrossFileResolver;
  /**
   * When given, milliseconds spent per rule id (and in the `(parse)` and `(index)` phases) are added to it: what
   * `npm run bench -- --profile` prints to find the rules that cost the most.
   */
  profile?: Map<string, number>;
}

interface RuleEntry {
  rule: LoadedRule;
  compiled: Compiled;
  kinds: readonly ts.SyntaxKind[];
  /** The file must import one of these modules for the rule to match anywhere in it. */
  modules?: ReadonlySet<string>;
  /** The file's text must match this for the rule to run (the rule's `requires.text`). */
  text?: TextFilter;
  /** Index of `text` among the analyzer's distinct filters (identical filters are evaluated once per file). */
  textSlot: number;
  /** The file's path (relative to the root) must match these globs for the rule to run (the rule's `requires.path`). */
  path?: (relPath: string) => boolean;
  /** Policy values the rule may read. */
  settings: RuleSettings;
}

/** The rules that run on one file, after module and text prefilters (opaque outside the engine). */
export type ActiveRules = readonly RuleEntry[];

const DEFAULT_MAX_BYTES = 1_000_000;

/** Call lists shorter than this are tested call by call: indexing them costs more than it saves. */
const CALL_INDEX_FROM = 8;

/**
 * `true` for bundled/minified output: most of the text sits in very long lines, or lines are long on average.
 * Source-map comments (`//# sourceMappingURL=data:...`) do not count: hand-written files carry them too.
 */
export function looksMinified(text: string): boolean {
  if (text.length < 2000) return false;
  let lines = 0;
  let counted = 0;
  let inLongLines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const len = end - start;
    const isMap = len > 20 && text.startsWith('//# source', start);
    if (!isMap) {
      lines++;
      counted += len;
      if (len > 1000) inLongLines += len;
    }
    start = end + 1;
  }
  return counted > 0 && (inLongLines > counted / 2 || counted / Math.max(lines, 1) > 200);
}


/** The file's distinct identifiers (the parser's intern table) and literal texts, one per line. */
function filterCorpus(sf: ts.SourceFile, index: FileIndex): string {
  const identifiers = internedIdentifiers(sf);
  // Without the intern table (incrementally parsed trees), the whole text is a safe, larger stand-in.
  if (!identifiers) return sf.text;
  return `${[...identifiers].join('\n')}\n${index.literals.join('\n')}`;
}


function hasAny(have: ReadonlySet<string>, want: ReadonlySet<string>): boolean {
  for (const m of want) if (have.has(m)) return true;
  return false;
}

/** Lines in a text (newline-separated; a final line without a newline counts). */
export function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Runs compiled rules over files. Rules are grouped into a table keyed by syntax kind; each file is parsed
 * once and walked once, then each rule's test runs only on nodes of its kinds. No AST outlives its file.
 */
export class Analyzer {
  private readonly entries: RuleEntry[] = [];
  /** One capture stack, emptied before each node: matching allocates nothing per node. */
  private readonly captures = new Captures();
  private readonly allKinds = new Set<ts.SyntaxKind>();
  /** The distinct `requires.text` filters, by slot, and their factor automaton. */
  private readonly filterSet = new FilterSet();
  private readonly knownRuleIds: Set<string>;
  private readonly maxBytes: number;
  private readonly today: string;
  /** Severity per rule id: the policy's, then the `severity` option on top; `off` disables. */
  private readonly severities: Record<string, Severity | 'off'> = {};
  private readonly routing: FixRouting;
  private readonly policyFacts: FilePolicyFacts | undefined;

  constructor(private readonly options: AnalyzerOptions) {
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.knownRuleIds = new Set(options.rules.map((r) => r.id));
    const policy = options.policy;
    for (const [id, setting] of Object.entries(policy?.rules ?? {})) {
      if (setting.enabled === false) this.severities[id] = 'off';
      else if (setting.severity !== undefined) this.severities[id] = setting.severity;
      else if (setting.enabled === true) delete this.severities[id];
    }
    Object.assign(this.severities, options.severity);
    this.routing = { ...options.routing };
    if (policy?.identityProvider !== undefined) this.routing.identityProvider = policy.identityProvider;
    if (policy?.secretStore !== undefined) this.routing.secretStore = policy.secretStore;
    this.policyFacts = policy ? filePolicyFacts(policy) : undefined;
    for (const rule of options.rules) {
      if (this.severities[rule.id] === 'off') continue;
      const settings = ruleSettings(policy, rule.definition, rule.id);
      if ((rule.definition.requires?.policy ?? []).some((ref) => settings.get(ref) === undefined)) continue;
      const compiled = compiledPatternOf(rule);
      const modules = requiredModules(rule.definition.match);
      const text = rule.definition.requires?.text !== undefined ? compileTextFilter(rule.definition.requires.text) : undefined;
      const textSlot = text ? this.filterSet.add(text) : -1;
      const globs = rule.definition.requires?.path;
      const pathTest = globs === undefined ? undefined : picomatch(Array.isArray(globs) ? globs : [globs], { dot: true });
      this.entries.push({ rule, compiled, kinds: [...(compiled.kinds ?? [])], modules, text, textSlot, path: pathTest, settings });
      for (const k of compiled.kinds ?? []) this.allKinds.add(k);
    }
  }

  /**
   * Per filter slot, the parts of its line-local filter that pass on `corpus` (a statement's identifiers and
   * literals, one per line), as bits (see {@link FilterSet.partBits}).
   * @internal
   */
  filterPartBits(corpus: string): Uint32Array {
    return this.filterSet.partBits(corpus);
  }

  /** Reads and analyzes a file; too-large, minified or unreadable files are skipped with a notice. */
  analyzeFile(file: string): FileResult {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (err) {
      return this.skipped(file, 'unreadable', `cannot read ${file}: ${(err as Error).message}`, 0);
    }
    if (size > this.maxBytes) {
      return this.skipped(file, 'file-too-large', `skipped ${file}: ${size} bytes is over the ${this.maxBytes}-byte limit`, 0);
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      return this.skipped(file, 'unreadable', `cannot read ${file}: ${(err as Error).message}`, 0);
    }
    return this.analyzeText(file, text);
  }

  private skipped(file: string, code: string, message: string, lineCount: number): FileResult {
    return { file, findings: [], notices: [{ level: 'info', code, message, file }], skipped: code, lineCount };
  }

  /**
   * Analyzes source text (the editor passes unsaved buffers here). `tree` is a syntax tree of exactly `text`
   * parsed beforehand (the editor's incremental re-parse, see DocumentAnalysis); without it the text is parsed.
   */
  analyzeText(file: string, text: string, tree?: ts.SourceFile): FileResult {
    const lineCount = countLines(text);
    if (/\.min\.[cm]?js$/.test(file) || looksMinified(text)) {
      return this.skipped(file, 'minified', `skipped ${file}: looks minified or bundled`, lineCount);
    }
    const notices: Notice[] = [];
    let sf: ts.SourceFile;
    const profile = this.options.profile;
    let clock = profile ? performance.now() : 0;
    const lap = (key: string): void => {
      if (!profile) return;
      const now = performance.now();
      profile.set(key, (profile.get(key) ?? 0) + now - clock);
      clock = now;
    };
    try {
      sf = tree && tree.text === text ? tree : parseSource(file, text);
    } catch (err) {
      return { file, findings: [], notices: [{ level: 'warning', code: 'parse-failed', message: `cannot parse ${file}: ${(err as Error).message}`, file }], lineCount };
    }
    releaseNodeMemos();
    lap('(parse)');
    const index = indexFile(sf, this.allKinds);
    lap('(index)');
    // Text prefilters look at the file's identifiers and literal texts only: far less text than the file, and
    // exactly what patterns can match (never comments or whitespace).
    let corpus: string | undefined;
    let lowered: string | undefined;
    const filterText = (): string => (corpus ??= filterCorpus(sf, index));
    const lower = (): string => (lowered ??= filterText().toLowerCase());
    const passes = this.filterSet.passesOn(filterText, lower);
    const active = this.activeRules(index.modules, passes, file);
    lap('(prefilter)');
    const ctx = this.contextFor(file, sf, index);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    this.matchNodes(active, ctx, index.byKind, findings, notices, seen, profile ? lap : undefined);
    return this.finish(file, text, findings, notices, lineCount);
  }

  /** The syntax kinds the loaded rules dispatch on (what a file's index must collect). */
  get dispatchKinds(): ReadonlySet<ts.SyntaxKind> {
    return this.allKinds;
  }

  /** The distinct `requires.text` filters, by slot (see {@link activeRules}). */
  get textFilters(): readonly TextFilter[] {
    return this.filterSet.filters;
  }

  /**
   * The rules that can match in a file importing `modules` whose text passes the filter slots `passes` says
   * (asked at most once per slot).
   * @internal
   */
  activeRules(modules: ReadonlySet<string>, passes: (slot: number) => boolean, file?: string): ActiveRules {
    // 0: not evaluated yet, 1: passes, 2: fails — one slot per distinct filter.
    const textPasses = new Uint8Array(this.filterSet.filters.length);
    const active: RuleEntry[] = [];
    let relPath: string | undefined;
    for (const entry of this.entries) {
      if (entry.modules && !hasAny(modules, entry.modules)) continue;
      if (entry.path && file !== undefined && !entry.path((relPath ??= relativePath(this.options.root, file)))) continue;
      if (entry.text) {
        if (textPasses[entry.textSlot] === 0) textPasses[entry.textSlot] = passes(entry.textSlot) ? 1 : 2;
        if (textPasses[entry.textSlot] === 2) continue;
      }
      active.push(entry);
    }
    return active;
  }

  /** @internal The context rules query for one file. */
  contextFor(file: string, sf: ts.SourceFile, index: FileIndex): FileContext {
    const ctx = new FileContext(file, sf, index, this.options.root);
    ctx.crossFile = this.options.crossFile;
    ctx.policyFacts = this.policyFacts;
    return ctx;
  }

  /**
   * Runs the active rules on the nodes of `byKind` (the whole file's, or one statement's), adding findings not
   * seen before (same rule and range) and a notice per crashing rule.
   * @internal
   */
  matchNodes(
    active: ActiveRules,
    ctx: FileContext,
    byKind: ReadonlyMap<ts.SyntaxKind, readonly ts.Node[]>,
    findings: Finding[],
    notices: Notice[],
    seen: Set<string>,
    afterRule?: (ruleId: string) => void,
  ): void {
    const file = ctx.file;
    // Call lists indexed by callee, built when a rule with callee keys first asks (identities need the bindings).
    const callIndexes = new Map<readonly ts.Node[], CallIndex>();
    for (const entry of active) {
      const { rule, compiled } = entry;
      // One captures map per rule and file, cleared per node: findings copy what they need at once.
      const state: MatchState = { ctx, captures: this.captures, settings: entry.settings };
      let crashed = false;
      for (const kind of entry.kinds) {
        let nodes = byKind.get(kind);
        if (!nodes || crashed) continue;
        if (compiled.callees && nodes.length > CALL_INDEX_FROM && (kind === ts.SyntaxKind.CallExpression || kind === ts.SyntaxKind.NewExpression)) {
          let index = callIndexes.get(nodes);
          if (!index) callIndexes.set(nodes, (index = new CallIndex(nodes, ctx.bindings)));
          nodes = index.candidates(compiled.callees);
        }
        for (const node of nodes) {
          if (state.captures.size > 0) state.captures.clear();
          let matched: boolean;
          try {
            matched = compiled.test(node, state);
          } catch (err) {
            crashed = true;
            notices.push({ level: 'error', code: 'rule-crashed', message: `rule ${rule.id} failed on ${file} and was disabled for this file: ${(err as Error).message}`, file, ruleId: rule.id });
            break;
          }
          if (!matched) continue;
          const finding = buildFinding(rule, node, state, ctx, this.severities[rule.id], this.routing);
          const key = `${rule.id}:${finding.range.startOffset}:${finding.range.endOffset}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(finding);
        }
      }
      afterRule?.(rule.id);
    }
  }

  /** @internal Applies the file's suppression comments and sorts: the result of one analysis. */
  finish(file: string, text: string, findings: Finding[], notices: Notice[], lineCount: number): FileResult {
    releaseNodeMemos();
    const suppressions = applySuppressions(parseSuppressions(text), { file, findings, notices, knownRuleIds: this.knownRuleIds, today: this.today });
    findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
    return suppressions.length > 0 ? { file, findings, notices, lineCount, suppressions } : { file, findings, notices, lineCount };
  }
}
