/**
 * Builds the suppressions register: every inline suppression comment under the audited paths, one entry per
 * rule id it names, with its reason, expiry, status (active, unused, expired, or why it is invalid) and who
 * wrote it and when (git blame, one git process per file). Files are found exactly as `audit` finds them;
 * only files that contain a suppression comment are analyzed.
 */
import { readFileSync, statSync } from 'node:fs';
import { PolicyAnalyzers, PolicyResolver, redactSecrets, WorkspaceResolver, type LoadedRule, type Notice, type SuppressionRecord } from '../../engine';
import { suggestClosest } from '../edit-distance';
import { blameLines, type BlameLine, type BlameOutcome } from '../git/blame';
import { toRelativePath } from '../paths';

/**
 * Status of one register entry. `active` silenced a finding; `unused` is valid but silenced nothing (stale);
 * `expired` is past its `until` date (its findings are reported again); the rest are invalid comments that
 * suppress nothing (`no-reason`, `no-rule`, `unknown-rule`) or never expire (`bad-until`).
 */
export type SuppressionStatus = 'active' | 'unused' | 'expired' | 'no-reason' | 'no-rule' | 'unknown-rule' | 'bad-until';

/** Statuses that mean the comment needs attention. */
export const STALE_OR_INVALID: ReadonlySet<SuppressionStatus> = new Set(['unused', 'expired', 'no-reason', 'no-rule', 'unknown-rule', 'bad-until']);

/** Where an entry's authorship came from. */
export type Authorship = 'git' | 'uncommitted' | 'unavailable';

/** One row of the register: one rule id of one suppression comment. */
export interface RegisterEntry {
  /** Absolute path. */
  file: string;
  /** Path relative to the register root, `/`-separated. */
  relativeFile: string;
  /** 1-based line of the comment. */
  line: number;
  /** 1-based line the comment applies to. */
  targetLine: number;
  /** Rule id as written (empty when the comment names none). */
  ruleId: string;
  /** The justification, secret-looking values redacted (empty when missing). */
  reason: string;
  until?: string;
  expired: boolean;
  status: SuppressionStatus;
  /** Findings of the rule on the target line the comment covers (or covered, when expired). */
  findings: number;
  /** A hint for invalid entries, e.g. the closest known rule id. */
  note?: string;
  authorship: Authorship;
  author?: string;
  email?: string;
  /** Author date of the comment line (YYYY-MM-DD). */
  date?: string;
  commit?: string;
}

/** Input of {@link collectRegister}. */
export interface RegisterOptions {
  root: string;
  /** Absolute files from discovery. */
  files: readonly string[];
  rules: LoadedRule[];
  /** Team policy as `audit` applies it (its packs' rules count as known; its ignore globs apply). Absent: none. */
  policy?: { config?: string; top: string };
  maxFileBytes?: number;
  /** ISO date expiry is judged against. */
  today: string;
  /** Look up authors with git blame (default true). */
  blame: boolean;
}

/** The register and what happened while building it. */
export interface Register {
  entries: RegisterEntry[];
  notices: Notice[];
  /** Files that contain at least one suppression comment. */
  files: number;
  /** Set when authorship could not be looked up at all (no git, not a repository). */
  blameUnavailable?: string;
}

const DEFAULT_MAX_BYTES = 1_000_000;

/**
 * Analyzes the files that contain suppression comments and builds the register, sorted by file and line.
 * @param options - Files, rules and settings.
 */
export function collectRegister(options: RegisterOptions): Register {
  const scopes = new PolicyAnalyzers({
    resolver: new PolicyResolver(options.policy ? { root: options.policy.top, config: options.policy.config } : { disabled: true }),
    baseRules: options.rules,
    allowExtends: true,
    analyzer: { maxFileBytes: options.maxFileBytes, root: options.root, today: options.today, crossFile: new WorkspaceResolver(options.root) },
  });
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const entries: RegisterEntry[] = [];
  const notices: Notice[] = [];
  const blameProblems = new Map<string, number>();
  let filesWithComments = 0;
  let blamed = 0;
  for (const file of options.files) {
    if (!mentionsSuppression(file, maxBytes)) continue;
    if (options.policy && scopes.isIgnored(file)) continue;
    const result = scopes.analyzerFor(file).analyzeFile(file);
    notices.push(...result.notices);
    const known = scopes.rulesFor(file).map((r) => r.id);
    const records = result.suppressions ?? [];
    if (records.length === 0) continue;
    filesWithComments++;
    const blame: BlameOutcome = options.blame ? blameLines(file, records.map((r) => r.line)) : { kind: 'unavailable', reason: 'failed', message: 'not requested' };
    if (options.blame) {
      blamed++;
      if (blame.kind === 'unavailable' && blame.reason !== 'untracked') blameProblems.set(blame.message, (blameProblems.get(blame.message) ?? 0) + 1);
    }
    for (const record of records) {
      for (const entry of toEntries(record, file, toRelativePath(options.root, file), known)) {
        entries.push(withAuthor(entry, blame));
      }
    }
  }
  entries.sort((a, b) => (a.relativeFile < b.relativeFile ? -1 : a.relativeFile > b.relativeFile ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
  const register: Register = { entries, notices: [...scopes.notices, ...notices], files: filesWithComments };
  // Authorship missing for every file: one clear note instead of a blank column nobody can explain.
  const unavailable = [...blameProblems.values()].reduce((a, b) => a + b, 0);
  if (options.blame && blamed > 0 && unavailable === blamed) register.blameUnavailable = [...blameProblems.keys()][0];
  return register;
}

/** Cheap pre-check so only files with a suppression comment are parsed. */
function mentionsSuppression(file: string, maxBytes: number): boolean {
  try {
    if (statSync(file).size > maxBytes) return true; // let the analyzer skip it with its usual notice
    return readFileSync(file, 'utf8').includes('trustline-ignore');
  } catch {
    return true; // the analyzer reports unreadable files
  }
}

function toEntries(record: SuppressionRecord, file: string, relativeFile: string, known: readonly string[]): RegisterEntry[] {
  const entry = (ruleId: string, status: SuppressionStatus, findings: number): RegisterEntry => {
    const out: RegisterEntry = {
      file,
      relativeFile,
      line: record.line,
      targetLine: record.targetLine,
      ruleId,
      reason: redactSecrets(record.reason),
      expired: record.expired,
      status,
      findings,
      authorship: 'unavailable',
    };
    if (record.until !== undefined) out.until = record.until;
    return out;
  };
  if (record.rules.length === 0) return [{ ...entry('', 'no-rule', 0), note: 'name the rule id to suppress' }];
  return record.rules.map((use) => {
    const out = entry(use.ruleId, statusOf(record, use.known, use.findings), use.findings);
    if (!use.known) {
      const closest = suggestClosest(use.ruleId, known);
      out.note = closest !== undefined ? `did you mean ${closest}?` : 'no loaded rule has this id';
    } else if (record.invalidUntil !== undefined) {
      out.note = `"until ${record.invalidUntil}" is not a date (expected YYYY-MM-DD)`;
    }
    return out;
  });
}

function statusOf(record: SuppressionRecord, known: boolean, findings: number): SuppressionStatus {
  if (!known) return 'unknown-rule';
  if (record.reason === '') return 'no-reason';
  if (record.invalidUntil !== undefined) return 'bad-until';
  if (record.expired) return 'expired';
  return findings > 0 ? 'active' : 'unused';
}

function withAuthor(entry: RegisterEntry, blame: BlameOutcome): RegisterEntry {
  if (blame.kind === 'unavailable') return blame.reason === 'untracked' ? { ...entry, authorship: 'uncommitted' } : entry;
  const line: BlameLine | undefined = blame.lines.get(entry.line);
  if (!line) return entry;
  if (line.commit === undefined) return { ...entry, authorship: 'uncommitted' };
  const out: RegisterEntry = { ...entry, authorship: 'git', commit: line.commit };
  if (line.author !== undefined) out.author = line.author;
  if (line.email !== undefined) out.email = line.email;
  if (line.date !== undefined) out.date = line.date;
  return out;
}
