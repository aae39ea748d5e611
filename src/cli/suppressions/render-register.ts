/**
 * The suppressions register as a table (aligned columns, like `trustline rules`, with a summary line),
 * JSON (versioned, every key always present) or CSV (RFC 4180).
 */
import { createStyles, type Styles } from '../ansi';
import { toCsv } from '../csv';
import { plural } from '../plural';
import { TOOL_NAME, TRUSTLINE_VERSION } from '../version';
import { STALE_OR_INVALID, type Register, type RegisterEntry, type SuppressionStatus } from './collect-register';

/** Output formats of `trustline suppressions`. */
export const REGISTER_FORMATS = ['table', 'json', 'csv'] as const;

/** One of {@link REGISTER_FORMATS}. */
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** Version of the register's JSON shape; fields are only added within a version. */
export const REGISTER_JSON_VERSION = 1;

/** One suppression in the JSON register. Absent values are `null`, so every entry has the same keys. */
export interface JsonRegisterEntry {
  /** Path relative to `root`. */
  file: string;
  line: number;
  targetLine: number;
  ruleId: string;
  status: SuppressionStatus;
  reason: string;
  until: string | null;
  expired: boolean;
  /** Findings the comment covers (or covered, once expired). */
  findings: number;
  author: string | null;
  email: string | null;
  date: string | null;
  commit: string | null;
  /** `git`, `uncommitted` (not committed yet) or `unavailable` (no git, not a repository, or --no-blame). */
  authorship: RegisterEntry['authorship'];
  note: string | null;
}

/** Counts of the register. */
export interface RegisterSummary {
  suppressions: number;
  files: number;
  active: number;
  unused: number;
  expired: number;
  /** Entries that suppress nothing or never expire because the comment is malformed. */
  invalid: number;
}

/** The JSON register. */
export interface JsonRegister {
  version: typeof REGISTER_JSON_VERSION;
  tool: { name: string; version: string };
  /** Absolute root that `file` paths are relative to. */
  root: string;
  /** The date expiry was judged against (YYYY-MM-DD). */
  date: string;
  suppressions: JsonRegisterEntry[];
  summary: RegisterSummary;
}

/** What the renderers need besides the register. */
export interface RegisterContext {
  root: string;
  today: string;
  color: boolean;
}

/**
 * Renders the register.
 * @param register - The register.
 * @param format - Output format.
 * @param context - Root, date and color.
 */
export function renderRegister(register: Register, format: RegisterFormat, context: RegisterContext): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJsonRegister(register, context), null, 2)}\n`;
    case 'csv':
      return renderCsv(register);
    default:
      return renderTable(register, createStyles(context.color));
  }
}

/**
 * Counts by status.
 * @param register - The register.
 */
export function summarizeRegister(register: Register): RegisterSummary {
  const summary: RegisterSummary = { suppressions: register.entries.length, files: register.files, active: 0, unused: 0, expired: 0, invalid: 0 };
  for (const entry of register.entries) {
    if (entry.status === 'active' || entry.status === 'unused' || entry.status === 'expired') summary[entry.status]++;
    else summary.invalid++;
  }
  return summary;
}

/**
 * The JSON register object.
 * @param register - The register.
 * @param context - Root and date.
 */
export function toJsonRegister(register: Register, context: Pick<RegisterContext, 'root' | 'today'>): JsonRegister {
  return {
    version: REGISTER_JSON_VERSION,
    tool: { name: TOOL_NAME, version: TRUSTLINE_VERSION },
    root: context.root,
    date: context.today,
    suppressions: register.entries.map((e) => ({
      file: e.relativeFile,
      line: e.line,
      targetLine: e.targetLine,
      ruleId: e.ruleId,
      status: e.status,
      reason: e.reason,
      until: e.until ?? null,
      expired: e.expired,
      findings: e.findings,
      author: e.author ?? null,
      email: e.email ?? null,
      date: e.date ?? null,
      commit: e.commit ?? null,
      authorship: e.authorship,
      note: e.note ?? null,
    })),
    summary: summarizeRegister(register),
  };
}

const CSV_HEADER = ['file', 'line', 'rule', 'status', 'reason', 'until', 'expired', 'findings', 'author', 'email', 'date', 'commit', 'note'];

function renderCsv(register: Register): string {
  return toCsv(
    CSV_HEADER,
    register.entries.map((e) => [e.relativeFile, e.line, e.ruleId, e.status, e.reason, e.until, e.expired, e.findings, e.author, e.email, e.date, e.commit, e.note]),
  );
}

function renderTable(register: Register, styles: Styles): string {
  const summary = summarizeRegister(register);
  if (register.entries.length === 0) return 'No suppressions.\n';
  const header = ['LOCATION', 'RULE', 'STATUS', 'UNTIL', 'AUTHOR', 'DATE', 'REASON'];
  const rows = register.entries.map((e) => [
    `${e.relativeFile}:${e.line}`,
    e.ruleId || '(none)',
    e.status,
    e.until ?? '-',
    e.authorship === 'uncommitted' ? '(uncommitted)' : (e.author ?? '-'),
    e.date ?? '-',
    e.reason || '(no reason)',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (row: string[], entry?: RegisterEntry): string =>
    row
      .map((cell, i) => {
        const padded = i === row.length - 1 ? cell : cell.padEnd(widths[i]!);
        return entry && i === 2 ? statusStyle(entry.status, styles)(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const lines = [styles.bold(format(header)), ...rows.map((row, i) => format(row, register.entries[i]))];
  const counts = [`${summary.active} active`, `${summary.unused} unused`, `${summary.expired} expired`, `${summary.invalid} invalid`];
  lines.push('', `${plural(summary.suppressions, 'suppression')} in ${plural(summary.files, 'file')}: ${counts.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

function statusStyle(status: SuppressionStatus, styles: Styles): (text: string) => string {
  if (status === 'active') return styles.green;
  if (status === 'unused' || status === 'expired') return styles.yellow;
  return STALE_OR_INVALID.has(status) ? styles.red : (text) => text;
}
