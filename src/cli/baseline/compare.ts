/**
 * Narrows an audit to what is new: findings whose fingerprint is not in a baseline, and (with
 * `--changed-since`) findings on lines changed since a git revision. The rest leave the report's findings
 * (so text, JSON and the exit code see only new ones) but are kept for SARIF, which lists every result
 * with its `baselineState`. Suppressed findings stay where they are: their comment decides about them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Notice } from '../../engine';
import { meetsThreshold, type AuditReport } from '../audit-report';
import type { ChangeSet } from '../git/changed-lines';
import { toRelativePath } from '../paths';
import { plural } from '../plural';
import { primaryLocationLineHashes } from '../reporters/fingerprint';
import type { Baseline, BaselineEntry } from './baseline-file';

/** SARIF `baselineState` values Trustline writes. */
export type BaselineState = 'new' | 'unchanged';

/** Why a finding is not new. */
export type NotNewReason = 'baseline' | 'unchanged-lines';

/** A finding left out of the report because it is not new. */
export interface NotNewFinding {
  finding: Finding;
  fingerprint: string;
  reason: NotNewReason;
}

/** How the audit was narrowed; set on {@link AuditReport.comparison}. */
export interface AuditComparison {
  /** Fingerprints of the report's findings, index-aligned, computed before anything was left out. */
  fingerprints: string[];
  /** `baselineState` of the report's findings, index-aligned (suppressed findings may be `unchanged`). */
  states: BaselineState[];
  /** Unsuppressed findings left out, in report order. */
  notNew: NotNewFinding[];
  /** Set with `--baseline`. */
  baseline?: {
    /** The baseline file as the user named it. */
    shown: string;
    /** Number of entries in the file. */
    entries: number;
    /** Entries no finding matched in files this audit analyzed (or whose file is gone). */
    absent: BaselineEntry[];
  };
  /** Set with `--changed-since`. */
  changedSince?: { ref: string; commit: string };
}

/** Input of {@link narrowToNew}. */
export interface NarrowOptions {
  baseline?: { data: Baseline; shown: string; file: string };
  changes?: ChangeSet;
}

/**
 * Returns the report narrowed to new findings, with {@link AuditComparison} attached; a report without
 * either option is returned unchanged.
 * @param report - The full audit report (findings sorted as `runAudit` sorts them).
 * @param options - Baseline and/or changes.
 */
export function narrowToNew(report: AuditReport, options: NarrowOptions): AuditReport {
  if (!options.baseline && !options.changes) return report;
  const all = primaryLocationLineHashes(report.root, report.findings);
  const accepted = new Set(options.baseline?.data.findings.map((e) => e.fingerprint));
  const findings: Finding[] = [];
  const fingerprints: string[] = [];
  const states: BaselineState[] = [];
  const notNew: NotNewFinding[] = [];
  report.findings.forEach((finding, i) => {
    const fingerprint = all[i]!;
    let reason: NotNewReason | undefined;
    if (options.changes && !options.changes.touches(finding.file, finding.range)) reason = 'unchanged-lines';
    else if (accepted.has(fingerprint)) reason = 'baseline';
    if (reason !== undefined && !finding.suppression) {
      notNew.push({ finding, fingerprint, reason });
      return;
    }
    findings.push(finding);
    fingerprints.push(fingerprint);
    states.push(reason === undefined ? 'new' : 'unchanged');
  });
  const comparison: AuditComparison = { fingerprints, states, notNew };
  const notices = [...report.notices];
  if (options.baseline) {
    const absent = absentEntries(report, options.baseline.data, new Set(all));
    comparison.baseline = { shown: options.baseline.shown, entries: options.baseline.data.findings.length, absent };
    if (absent.length > 0) notices.push(absentNotice(absent, options.baseline));
  }
  if (options.changes) comparison.changedSince = { ref: options.changes.ref, commit: options.changes.commit };
  return { ...report, findings, notices, comparison };
}

/**
 * Entries that no current finding matches, counted only where this audit could have seen them: files it
 * analyzed (or that no longer exist), rules that ran at a severity the threshold reports.
 */
function absentEntries(report: AuditReport, baseline: Baseline, current: ReadonlySet<string>): BaselineEntry[] {
  const analyzed = new Set(report.files.map((f) => toRelativePath(report.root, f)));
  const severities = new Map(report.rules.map((r) => [r.id, r.severity]));
  return baseline.findings.filter((entry) => {
    if (current.has(entry.fingerprint)) return false;
    const severity = severities.get(entry.ruleId);
    if (severity !== undefined && !meetsThreshold(severity, report.threshold)) return false;
    return analyzed.has(entry.file) || !existsSync(path.join(report.root, ...entry.file.split('/')));
  });
}

function absentNotice(absent: readonly BaselineEntry[], baseline: NonNullable<NarrowOptions['baseline']>): Notice {
  const count = plural(absent.length, 'baseline entry', 'baseline entries');
  return {
    level: 'info',
    code: 'baseline-entries-absent',
    message: `${count} no longer match a finding (fixed, or the code changed); run "trustline baseline --output ${baseline.shown}" to drop ${absent.length === 1 ? 'it' : 'them'}`,
    file: baseline.file,
  };
}
