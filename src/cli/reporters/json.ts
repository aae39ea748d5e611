/**
 * Machine-readable JSON report. The shape is versioned by {@link JSON_REPORT_VERSION}; fields are only
 * ever added within a version. Paths are relative to `root` with `/` separators. Source text appears only
 * as the engine's redacted `snippet`; fix edits are left out because their text may quote source.
 */
import type { Category, Confidence, FrameworkTags, Notice, Severity } from '../../engine';
import { summarize, type AuditReport, type AuditSummary } from '../audit-report';
import { toDisplayPath, toRelativePath } from '../paths';
import { TOOL_NAME, TRUSTLINE_VERSION } from '../version';
import { reportFingerprints } from './fingerprint';
import { noticeMessage } from './notice-text';

/** Version of the JSON report shape. */
export const JSON_REPORT_VERSION = 1;

/** 1-based line/column span; `endColumn` is exclusive. */
export interface JsonRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A related location of a finding. */
export interface JsonRelatedLocation {
  message: string;
  /** Relative path of the file (the finding's own file when the engine gave none). */
  file: string;
  range: JsonRange;
}

/** One finding in the JSON report. */
export interface JsonFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  title: string;
  message: string;
  /** Path relative to the report `root`. */
  file: string;
  range: JsonRange;
  /** Source line(s) of the finding, secrets redacted. */
  snippet: string;
  related: JsonRelatedLocation[];
  tags: FrameworkTags;
  frameworks: string[];
  /** Fixes on offer (titles only; apply them in the editor). */
  fixes: { title: string; changesBehavior: boolean }[];
  /** Same value as SARIF `partialFingerprints.primaryLocationLineHash`; stable across line shifts. */
  fingerprint: string;
  /** `true` when an inline suppression silenced the finding (it is then not counted). */
  suppressed: boolean;
  suppression?: { justification: string; until?: string; line: number };
  /** With `--baseline` / `--changed-since`: `new`, or `unchanged` for a suppressed finding that is not new. */
  baselineState?: 'new' | 'unchanged';
}

/** A notice about the run (skipped file, invalid rule, rule crash...). */
export interface JsonNotice {
  level: Notice['level'];
  code: string;
  message: string;
  /** Path relative to the report `root`. */
  file?: string;
  line?: number;
  pointer?: string;
  ruleId?: string;
}

/** The whole JSON report. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  /** Absolute audit root. */
  root: string;
  /** Findings below this severity were not reported. */
  threshold: Severity;
  findings: JsonFinding[];
  notices: JsonNotice[];
  summary: AuditSummary;
  /** With `--baseline`: the baseline file as given, and how many of its entries no finding matched. */
  baseline?: { file: string; entries: number; absent: number };
  /** With `--changed-since`: the revision as given and the commit it resolved to. */
  changedSince?: { ref: string; commit: string };
}

/**
 * Builds the JSON report object.
 * @param report - The audit report.
 */
export function toJsonReport(report: AuditReport): JsonReport {
  const fingerprints = reportFingerprints(report);
  const states = report.comparison?.states;
  const findings = report.findings.map((finding, index): JsonFinding => {
    const file = toRelativePath(report.root, finding.file);
    const json: JsonFinding = {
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      confidence: finding.confidence,
      title: finding.title,
      message: finding.message,
      file,
      range: toJsonRange(finding.range),
      snippet: finding.snippet,
      related: finding.related.map((r) => ({
        message: r.message,
        file: r.file !== undefined ? toDisplayPath(report.root, r.file) : file,
        range: toJsonRange(r.range),
      })),
      tags: finding.tags,
      frameworks: finding.frameworks,
      fixes: finding.fixes.map((f) => ({ title: f.title, changesBehavior: f.changesBehavior })),
      fingerprint: fingerprints[index],
      suppressed: finding.suppression !== undefined,
    };
    if (finding.suppression) json.suppression = { ...finding.suppression };
    if (states) json.baselineState = states[index];
    return json;
  });
  const json: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TRUSTLINE_VERSION },
    root: report.root,
    threshold: report.threshold,
    findings,
    notices: report.notices.map((n) => toJsonNotice(n, report.root)),
    summary: summarize(report),
  };
  const baseline = report.comparison?.baseline;
  if (baseline) json.baseline = { file: baseline.shown, entries: baseline.entries, absent: baseline.absent.length };
  if (report.comparison?.changedSince) json.changedSince = { ...report.comparison.changedSince };
  return json;
}

/**
 * Renders the JSON report (pretty-printed, ending with a newline).
 * @param report - The audit report.
 */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

function toJsonRange(range: JsonRange): JsonRange {
  return { startLine: range.startLine, startColumn: range.startColumn, endLine: range.endLine, endColumn: range.endColumn };
}

function toJsonNotice(notice: Notice, root: string): JsonNotice {
  const json: JsonNotice = { level: notice.level, code: notice.code, message: noticeMessage(notice, root) };
  if (notice.file !== undefined) json.file = toDisplayPath(root, notice.file);
  if (notice.line !== undefined) json.line = notice.line;
  if (notice.pointer !== undefined) json.pointer = notice.pointer;
  if (notice.ruleId !== undefined) json.ruleId = notice.ruleId;
  return json;
}
