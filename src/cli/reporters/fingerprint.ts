/**
 * Location fingerprints that survive line shifts: they hash the rule, the file's relative path and the
 * whitespace-normalized redacted snippet, never line numbers. Identical hashes within one file are told
 * apart by their order of appearance (`<hash>:<occurrence>`, the format GitHub code scanning uses).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../engine';
import type { AuditReport } from '../audit-report';
import { toRelativePath } from '../paths';

/**
 * Collapses runs of whitespace to one space and trims, so re-indentation does not change a fingerprint.
 * @param snippet - A redacted snippet.
 */
export function normalizeSnippet(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

/**
 * Fingerprints for `findings`, index-aligned with it. The findings must be sorted by position within
 * each file (as `AuditReport.findings` are) so occurrence numbers follow source order.
 * @param root - Absolute audit root.
 * @param findings - Findings to fingerprint.
 */
export function primaryLocationLineHashes(root: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const relative = toRelativePath(root, finding.file);
    const hash = createHash('sha256')
      .update(finding.ruleId)
      .update('\0')
      .update(relative)
      .update('\0')
      .update(normalizeSnippet(finding.snippet))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/**
 * Fingerprints of `report.findings`, index-aligned. When the report was narrowed to new findings they are
 * the ones computed over every finding beforehand, so occurrence numbers match the unnarrowed audit (and
 * the baseline).
 * @param report - The audit report.
 */
export function reportFingerprints(report: AuditReport): string[] {
  return report.comparison?.fingerprints ?? primaryLocationLineHashes(report.root, report.findings);
}
