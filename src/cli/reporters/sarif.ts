/**
 * SARIF 2.1.0 report for code scanning: full rule metadata, results with URIs relative to `%SRCROOT%`
 * (the audit root), line-shift-stable `partialFingerprints`, in-source suppressions with their
 * justification, the artifacts results point to, and notices as tool execution notifications.
 * Source text appears only as the engine's redacted snippet.
 */
import type { Finding, LoadedRule, Notice, SourceRange } from '../../engine';
import { compareFindings, type AuditReport } from '../audit-report';
import type { BaselineState } from '../baseline/compare';
import { isInside, toDirectoryFileUri, toFileUri, toRelativePath, toRelativeUri } from '../paths';
import { INFORMATION_URI, TOOL_NAME, TRUSTLINE_VERSION } from '../version';
import { reportFingerprints } from './fingerprint';
import { toToolExtensions } from './sarif-extensions';
import { noticeMessage } from './notice-text';
import { asSentence, sarifLevel, toReportingDescriptor } from './sarif-rule';
import type {
  SarifArtifact,
  SarifArtifactLocation,
  SarifLocation,
  SarifLog,
  SarifNotification,
  SarifRegion,
  SarifReportingDescriptor,
  SarifResult,
} from './sarif-types';

/** The published JSON schema of SARIF 2.1.0. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The uriBaseId every result URI is relative to. */
export const SRCROOT = '%SRCROOT%';

/**
 * Builds the SARIF log object.
 * @param report - The audit report.
 */
export function toSarifLog(report: AuditReport): SarifLog {
  const artifacts = new ArtifactTable(report.root);
  const rules = new RuleTable(report.rules);
  const results = resultEntries(report).map(({ finding, fingerprint, baselineState }) => {
    const result = toResult(finding, rules.indexOf(finding), fingerprint, artifacts);
    if (baselineState !== undefined) result.baselineState = baselineState;
    return result;
  });
  const notifications = report.notices.map((notice) => toNotification(notice, report.root, rules, artifacts));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: TRUSTLINE_VERSION,
            version: TRUSTLINE_VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.descriptors,
          },
          ...(report.packs !== undefined && report.packs.length > 0 ? { extensions: toToolExtensions(report.packs, report.rules, report.root, SRCROOT) } : {}),
        },
        ...(report.policyFiles !== undefined && report.policyFiles.length > 0
          ? { properties: { policyFiles: report.policyFiles.map((f) => (isInside(report.root, f) ? toRelativePath(report.root, f) : f)) } }
          : {}),
        originalUriBaseIds: {
          [SRCROOT]: { uri: toDirectoryFileUri(report.root), description: { text: 'The audit root.' } },
        },
        artifacts: artifacts.artifacts,
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/**
 * Renders the SARIF log (pretty-printed, ending with a newline).
 * @param report - The audit report.
 */
export function renderSarif(report: AuditReport): string {
  return `${JSON.stringify(toSarifLog(report), null, 2)}\n`;
}

/**
 * The findings to write as results, with fingerprints. An audit narrowed to new findings (`--baseline`,
 * `--changed-since`) still lists the others, as `unchanged`: a code-scanning upload without them would
 * close their alerts as fixed.
 */
function resultEntries(report: AuditReport): { finding: Finding; fingerprint: string; baselineState?: BaselineState }[] {
  const fingerprints = reportFingerprints(report);
  const comparison = report.comparison;
  const entries = report.findings.map((finding, index) => ({ finding, fingerprint: fingerprints[index]!, baselineState: comparison?.states[index] }));
  if (!comparison) return entries;
  for (const { finding, fingerprint } of comparison.notNew) entries.push({ finding, fingerprint, baselineState: 'unchanged' });
  return entries.sort((a, b) => compareFindings(a.finding, b.finding));
}

function toResult(finding: Finding, ruleIndex: number, fingerprint: string, artifacts: ArtifactTable): SarifResult {
  const result: SarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: asSentence(finding.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifacts.locate(finding.file),
          region: { ...toRegion(finding.range), snippet: { text: finding.snippet } },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    properties: { category: finding.category, confidence: finding.confidence },
  };
  if (finding.frameworks.length > 0 && result.properties) result.properties.frameworks = finding.frameworks;
  if (finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, i) => ({
      id: i + 1,
      message: { text: asSentence(related.message) },
      physicalLocation: {
        artifactLocation: artifacts.locate(related.file ?? finding.file),
        region: toRegion(related.range),
      },
    }));
  }
  if (finding.suppression) {
    const { justification, until, line } = finding.suppression;
    result.suppressions = [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: until !== undefined ? `${justification} (until ${until})` : justification,
        location: { physicalLocation: { artifactLocation: artifacts.locate(finding.file), region: { startLine: line } } },
      },
    ];
  } else {
    // §3.27.23: within a run, suppressions are on every result or on none; [] says "evaluated, not suppressed".
    result.suppressions = [];
  }
  return result;
}

function toNotification(notice: Notice, root: string, rules: RuleTable, artifacts: ArtifactTable): SarifNotification {
  const text = noticeMessage(notice, root);
  const notification: SarifNotification = {
    level: sarifLevel(notice.level),
    message: { text: asSentence(text) },
    descriptor: { id: notice.code },
  };
  if (notice.ruleId !== undefined) {
    const index = rules.find(notice.ruleId);
    notification.associatedRule = index === undefined ? { id: notice.ruleId } : { id: notice.ruleId, index };
  }
  if (notice.file !== undefined) {
    const location: SarifLocation = { physicalLocation: { artifactLocation: artifacts.locate(notice.file) } };
    if (notice.line !== undefined && notice.line > 0) location.physicalLocation.region = { startLine: notice.line };
    notification.locations = [location];
  }
  return notification;
}

function toRegion(range: SourceRange): SarifRegion {
  const startLine = Math.max(1, range.startLine);
  const startColumn = Math.max(1, range.startColumn);
  let endLine = Math.max(startLine, range.endLine);
  let endColumn = Math.max(1, range.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  if (range.endLine < range.startLine) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { startLine, startColumn, endLine, endColumn };
}

/** Assigns artifact indexes; files inside the root get `%SRCROOT%`-relative URIs. */
class ArtifactTable {
  readonly artifacts: SarifArtifact[] = [];
  private readonly indexes = new Map<string, number>();

  constructor(private readonly root: string) {}

  locate(file: string): SarifArtifactLocation {
    const base: SarifArtifactLocation = isInside(this.root, file)
      ? { uri: toRelativeUri(toRelativePath(this.root, file)), uriBaseId: SRCROOT }
      : { uri: toFileUri(file) };
    let index = this.indexes.get(file);
    if (index === undefined) {
      index = this.artifacts.length;
      this.indexes.set(file, index);
      const artifact: SarifArtifact = { location: { ...base } };
      const language = sourceLanguage(file);
      if (language !== undefined) artifact.sourceLanguage = language;
      this.artifacts.push(artifact);
    }
    return { ...base, index };
  }
}

/** Rule descriptors in report order, plus descriptors made up for findings of unknown rules. */
class RuleTable {
  readonly descriptors: SarifReportingDescriptor[];
  private readonly indexes = new Map<string, number>();

  constructor(rules: readonly LoadedRule[]) {
    this.descriptors = [];
    for (const rule of rules) {
      if (this.indexes.has(rule.id)) continue;
      this.indexes.set(rule.id, this.descriptors.length);
      this.descriptors.push(toReportingDescriptor(rule));
    }
  }

  find(ruleId: string): number | undefined {
    return this.indexes.get(ruleId);
  }

  indexOf(finding: Finding): number {
    const known = this.indexes.get(finding.ruleId);
    if (known !== undefined) return known;
    const index = this.descriptors.length;
    this.indexes.set(finding.ruleId, index);
    this.descriptors.push(
      toReportingDescriptor({
        id: finding.ruleId,
        title: finding.title,
        category: finding.category,
        severity: finding.severity,
        confidence: finding.confidence,
        message: finding.message,
        tags: finding.tags,
        frameworks: finding.frameworks,
        docs: '',
        pack: '',
      }),
    );
    return index;
  }
}

function sourceLanguage(file: string): string | undefined {
  if (/\.(ts|tsx|mts|cts)$/i.test(file)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/i.test(file)) return 'javascript';
  return undefined;
}
