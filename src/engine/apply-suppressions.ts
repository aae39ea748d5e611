/**
 * Applies a file's suppression comments to its findings: a comment with a reason silences the findings of
 * the rules it names on its target line until its `until` date; afterwards they come back with a note.
 * Comments without a reason, naming no or unknown rules (with a "did you mean"), or with a malformed
 * expiry date are reported as notices. Every comment becomes a {@link SuppressionRecord}.
 */
import * as path from 'node:path';
import { suggestClosest } from './edit-distance';
import type { SuppressionComment } from './suppressions';
import type { Finding, Notice, SuppressionRecord } from './types';

/** What {@link applySuppressions} works on. */
export interface SuppressionInput {
  /** Absolute path of the analyzed file. */
  file: string;
  /** The file's findings; suppressed ones get `suppression` set, expired ones a note in `message`. */
  findings: Finding[];
  /** Notices about bad comments are appended here. */
  notices: Notice[];
  /** Ids of every loaded rule (a comment naming another id is reported). */
  knownRuleIds: ReadonlySet<string>;
  /** ISO date (YYYY-MM-DD) expiry dates are compared with; `until` is the last day a suppression holds. */
  today: string;
}

/**
 * Applies the comments and returns one record per comment, in source order.
 * @param comments - Output of `parseSuppressions` for the file.
 * @param input - Findings, notices and context.
 */
export function applySuppressions(comments: readonly SuppressionComment[], input: SuppressionInput): SuppressionRecord[] {
  const records: SuppressionRecord[] = [];
  const where = (c: SuppressionComment): string => `${path.basename(input.file)}:${c.line}`;
  for (const c of comments) {
    const expired = c.until !== undefined && c.until < input.today;
    const record: SuppressionRecord = {
      line: c.line,
      targetLine: c.targetLine,
      form: c.form,
      rules: c.ruleIds.map((ruleId) => ({ ruleId, known: input.knownRuleIds.has(ruleId), findings: 0 })),
      reason: c.reason,
      expired,
    };
    if (c.until !== undefined) record.until = c.until;
    if (c.invalidUntil !== undefined) record.invalidUntil = c.invalidUntil;
    records.push(record);
    const unknown = record.rules.filter((r) => !r.known).map((r) => r.ruleId);
    if (c.ruleIds.length === 0) {
      input.notices.push({
        level: 'warning',
        code: 'suppression-unknown-rule',
        message: `${where(c)}: suppression names no rule id (expected "trustline-ignore${c.form === 'next-line' ? '-next-line' : ''} <rule-id> -- <reason>")`,
        file: input.file,
        line: c.line,
      });
    } else if (unknown.length > 0) {
      input.notices.push({
        level: 'warning',
        code: 'suppression-unknown-rule',
        message: `${where(c)}: suppression names unknown rule ${unknown.map((id) => withSuggestion(id, input.knownRuleIds)).join(', ')}`,
        file: input.file,
        line: c.line,
      });
    }
    if (c.invalidUntil !== undefined) {
      input.notices.push({
        level: 'warning',
        code: 'suppression-invalid-until',
        message: `${where(c)}: suppression expiry "until ${c.invalidUntil}" is not a date (expected until YYYY-MM-DD); it never expires until fixed`,
        file: input.file,
        line: c.line,
      });
    }
    if (c.reason.length === 0) {
      input.notices.push({
        level: 'warning',
        code: 'suppression-without-reason',
        message: `${where(c)}: suppression of ${c.ruleIds.join(', ') || 'nothing'} has no reason and is ignored; write "-- <why this is safe>"`,
        file: input.file,
        line: c.line,
      });
      continue;
    }
    for (const f of input.findings) {
      if (f.range.startLine !== c.targetLine) continue;
      const use = record.rules.find((r) => r.ruleId === f.ruleId);
      if (!use) continue;
      use.findings++;
      if (expired) {
        f.message += ` (suppression expired on ${c.until}, line ${c.line})`;
        continue;
      }
      if (f.suppression) continue;
      f.suppression = { justification: c.reason, until: c.until, line: c.line };
    }
  }
  return records;
}

function withSuggestion(id: string, known: ReadonlySet<string>): string {
  const closest = suggestClosest(id, [...known]);
  return closest !== undefined ? `"${id}" (did you mean "${closest}"?)` : `"${id}"`;
}
