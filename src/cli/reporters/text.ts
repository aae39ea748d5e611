/**
 * Human-readable terminal report: findings grouped by file, one `file:line:col severity message [rule]`
 * line each with the redacted snippet below, and a summary line. Suppressed findings are not listed but
 * are counted in the summary.
 */
import type { Finding, Notice, Severity } from '../../engine';
import { createStyles, type Styles } from '../ansi';
import { summarize, type AuditReport, type AuditSummary } from '../audit-report';
import { toDisplayPath, toRelativePath } from '../paths';
import { plural } from '../plural';
import { messageNamesFile, noticeMessage } from './notice-text';

/** Options of {@link renderText}. */
export interface TextReportOptions {
  /** Emit ANSI colors. */
  color: boolean;
}

/** Snippet lines shown per finding; longer snippets end with an ellipsis line. */
const MAX_SNIPPET_LINES = 6;
/** Characters shown per snippet line (minified code would otherwise flood the terminal). */
const MAX_SNIPPET_WIDTH = 160;

/**
 * Renders the report as text (ending with a newline).
 * @param report - The audit report.
 * @param options - Rendering options.
 */
export function renderText(report: AuditReport, options: TextReportOptions): string {
  const styles = createStyles(options.color);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of report.findings) {
    if (finding.suppression) continue;
    const relative = toRelativePath(report.root, finding.file);
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(styles.underline(styles.bold(relative)));
      currentFile = finding.file;
    }
    lines.push(...renderFinding(finding, report.root, relative, styles));
  }
  if (lines.length > 0) lines.push('');
  lines.push(renderSummary(summarize(report), styles, report.comparison?.changedSince?.ref));
  return `${lines.join('\n')}\n`;
}

/**
 * One line for a notice, as printed on stderr in text mode.
 * @param notice - The notice.
 * @param root - Absolute audit root (notice paths are shown relative to it).
 * @param color - Emit ANSI colors.
 */
export function renderNoticeLine(notice: Notice, root: string, color: boolean): string {
  const styles = createStyles(color);
  const label = notice.level === 'error' ? styles.red('error') : notice.level === 'warning' ? styles.yellow('warning') : styles.blue('info');
  let where = '';
  if (notice.file !== undefined && !messageNamesFile(notice, root)) {
    where = toDisplayPath(root, notice.file) || '.';
    if (notice.line !== undefined) where += `:${notice.line}`;
    where += ': ';
  }
  const rule = notice.ruleId !== undefined ? styles.dim(` [${notice.ruleId}]`) : '';
  return `trustline ${label} ${styles.dim(`(${notice.code})`)} ${where}${noticeMessage(notice, root)}${rule}`;
}

function renderFinding(finding: Finding, root: string, relative: string, styles: Styles): string[] {
  const { startLine, startColumn } = finding.range;
  const location = `${relative}:${startLine}:${startColumn}`;
  const head = `  ${location}  ${severityLabel(finding.severity, styles)}  ${finding.message}  ${styles.dim(`[${finding.ruleId}]`)}`;
  const out = [head];
  for (const line of formatSnippet(finding.snippet)) out.push(styles.dim(`      | ${line}`));
  for (const related of finding.related) {
    const file = related.file !== undefined ? toDisplayPath(root, related.file) : relative;
    out.push(styles.dim(`      related: ${file}:${related.range.startLine}:${related.range.startColumn} ${related.message}`));
  }
  return out;
}

function severityLabel(severity: Severity, styles: Styles): string {
  const padded = severity.padEnd(7);
  if (severity === 'error') return styles.red(padded);
  if (severity === 'warning') return styles.yellow(padded);
  return styles.blue(padded);
}

/** Removes the common indentation, caps line count and width. */
function formatSnippet(snippet: string): string[] {
  const lines = snippet.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0].trim() === '') return [];
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  const shown = lines.slice(0, MAX_SNIPPET_LINES).map((l) => {
    const text = l.slice(common).replace(/\t/g, '  ');
    return text.length > MAX_SNIPPET_WIDTH ? `${text.slice(0, MAX_SNIPPET_WIDTH - 1)}…` : text;
  });
  if (lines.length > MAX_SNIPPET_LINES) shown.push('…');
  return shown;
}

function renderSummary(summary: AuditSummary, styles: Styles, changedSince: string | undefined): string {
  const extras: string[] = [];
  if (summary.suppressed > 0) extras.push(`${summary.suppressed} suppressed`);
  if (summary.inBaseline !== undefined && summary.inBaseline > 0) extras.push(`${summary.inBaseline} in baseline`);
  if (summary.onUnchangedLines !== undefined && summary.onUnchangedLines > 0) {
    extras.push(`${summary.onUnchangedLines} on lines unchanged since ${changedSince ?? 'the revision'}`);
  }
  if (summary.skippedFiles > 0) extras.push(`${plural(summary.skippedFiles, 'file')} skipped`);
  const tail = extras.length > 0 ? ` (${extras.join(', ')})` : '';
  const narrowed = summary.inBaseline !== undefined || summary.onUnchangedLines !== undefined;
  if (summary.total === 0) {
    return `${styles.green(narrowed ? 'No new findings' : 'No findings')} in ${plural(summary.files, 'file')}${tail}.`;
  }
  const counts = `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info`;
  const head = summary.error > 0 ? styles.red : summary.warning > 0 ? styles.yellow : styles.blue;
  const found = narrowed ? plural(summary.total, 'new finding') : plural(summary.total, 'finding');
  return `${head(styles.bold(found))} (${counts}) in ${summary.filesWithFindings} of ${plural(summary.files, 'file')}${tail}.`;
}
