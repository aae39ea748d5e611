/**
 * The result of an audit run as every reporter sees it, plus the severity arithmetic they share.
 */
import type { Finding, LoadedRule, Notice, PackInfo, Severity } from '../engine';
import type { AuditComparison } from './baseline/compare';

/** Everything a reporter needs; plain data, built by `runAudit`. */
export interface AuditReport {
  /** Absolute audit root; report paths are relative to it. */
  root: string;
  /** Reporting threshold: findings below it were dropped before the report was built. */
  threshold: Severity;
  /** Every rule that ran (built-in and from packs), in load order. */
  rules: LoadedRule[];
  /** Rule packs that ran besides the built-in one (`--rules` and policy `extends`): name, version, content hash. */
  packs?: PackInfo[];
  /** Policy files that applied (absolute paths). */
  policyFiles?: string[];
  /** Findings at or above the threshold, suppressed ones included, sorted by file, line, column, rule. */
  findings: Finding[];
  /** Notices about the run, each distinct notice once. */
  notices: Notice[];
  /** Absolute paths of the files that were analyzed, sorted. */
  files: string[];
  /** How many discovered files the engine skipped (too large, minified, unreadable). */
  skippedFiles: number;
  /**
   * Set when the audit was narrowed to new findings (`--baseline`, `--changed-since`): `findings` then
   * holds only new ones (and suppressed ones); the others are here, for counts and SARIF.
   */
  comparison?: AuditComparison;
}

/** Counts shown by every reporter. Suppressed findings count only in `suppressed`. */
export interface AuditSummary {
  error: number;
  warning: number;
  info: number;
  /** Unsuppressed findings (`error + warning + info`). */
  total: number;
  suppressed: number;
  /** Files analyzed. */
  files: number;
  /** Files that have at least one unsuppressed finding. */
  filesWithFindings: number;
  skippedFiles: number;
  /** With `--baseline`: unsuppressed findings left out because the baseline lists them. */
  inBaseline?: number;
  /** With `--changed-since`: unsuppressed findings left out because their lines did not change. */
  onUnchangedLines?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * `true` when `severity` is as severe as `threshold` or more.
 * @param severity - A finding's severity.
 * @param threshold - The threshold.
 */
export function meetsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

/**
 * Orders findings by file, then position, then rule id, so every output is deterministic.
 * @param a - First finding.
 * @param b - Second finding.
 */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.startLine - b.range.startLine ||
    a.range.startColumn - b.range.startColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * Counts for the summary line / object.
 * @param report - The audit report.
 */
export function summarize(report: AuditReport): AuditSummary {
  const summary: AuditSummary = {
    error: 0,
    warning: 0,
    info: 0,
    total: 0,
    suppressed: 0,
    files: report.files.length,
    filesWithFindings: 0,
    skippedFiles: report.skippedFiles,
  };
  const filesWithFindings = new Set<string>();
  for (const finding of report.findings) {
    if (finding.suppression) {
      summary.suppressed++;
      continue;
    }
    summary[finding.severity]++;
    summary.total++;
    filesWithFindings.add(finding.file);
  }
  summary.filesWithFindings = filesWithFindings.size;
  const comparison = report.comparison;
  if (comparison?.baseline) summary.inBaseline = comparison.notNew.filter((n) => n.reason === 'baseline').length;
  if (comparison?.changedSince) summary.onUnchangedLines = comparison.notNew.filter((n) => n.reason === 'unchanged-lines').length;
  return summary;
}

/**
 * Exit code of an audit: 1 when an unsuppressed finding is at or above the threshold, else 0.
 * @param report - The audit report.
 */
export function auditExitCode(report: AuditReport): 0 | 1 {
  return report.findings.some((f) => !f.suppression && meetsThreshold(f.severity, report.threshold)) ? 1 : 0;
}
