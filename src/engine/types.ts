/**
 * Plain data exchanged between the engine and its front ends (CLI, reporters, the VS Code extension).
 * Nothing here holds AST nodes, so findings can cross worker-thread and process boundaries as JSON.
 */

/** The eight risk families a rule belongs to (see DESIGN.md). */
export const CATEGORIES = [
  'secret.inline',
  'token.verify',
  'token.expiry',
  'token.storage',
  'session.handrolled',
  'password.hash',
  'compare.timing',
  'authz.missing',
] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** Severity levels, from most to least severe. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** How serious a finding is; front ends map it to their own levels. */
export type Severity = (typeof SEVERITIES)[number];

/** How sure a rule is that a match is a real flaw. Low-confidence rules default to `info`. */
export type Confidence = 'high' | 'medium' | 'low';

/** A span of source text. Lines and columns are 1-based; offsets are 0-based UTF-16 indexes, end exclusive. */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  startOffset: number;
  endOffset: number;
}

/**
 * Replace `[startOffset, endOffset)` of a file with `newText`. `file` is set when the edit targets another file;
 * offsets of -1 there mean "append `newText` unless the file already contains it" (e.g. `.env.example` lines).
 */
export interface TextEdit {
  startOffset: number;
  endOffset: number;
  newText: string;
  /** Absolute path of the file to edit when it is not the analyzed file (e.g. `.env.example`); created when missing. */
  file?: string;
}

/** A fix offered for a finding. Fixes that change behaviour are never applied in bulk. */
export interface Fix {
  /** Short imperative title, e.g. "Read the secret from process.env". */
  title: string;
  /** Id of the snippet template the fix was built from (`<folder>/<name>` under `snippets/`). */
  snippet: string;
  /** `true` when the fix changes runtime behaviour; front ends then only offer it, one finding at a time. */
  changesBehavior: boolean;
  edits: TextEdit[];
}

/** Another location that matters for a finding (where a secret is defined, the verify call it bypasses, ...). */
export interface RelatedLocation {
  message: string;
  range: SourceRange;
  /** Absolute path when the location is in another file. */
  file?: string;
}

/** Framework references of a rule. */
export interface FrameworkTags {
  cwe: string[];
  asvs: string[];
  nhi: string[];
  csf: string[];
}

/** A suppression comment that silenced (or tried to silence) a finding. */
export interface Suppression {
  justification: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops applying. */
  until?: string;
  /** 1-based line of the suppression comment. */
  line: number;
}

/** How one rule id named by a suppression comment fared in an analysis. */
export interface SuppressionRuleUse {
  ruleId: string;
  /** `false` when no loaded rule has this id (the comment is then reported). */
  known: boolean;
  /** Findings of this rule on the target line: silenced ones, or (when expired) the ones that came back. */
  findings: number;
}

/**
 * One inline suppression comment as the analysis saw it: what it names, whether it is valid, and what it
 * matched. The suppressions register (`trustline suppressions`) is built from these.
 */
export interface SuppressionRecord {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based line the comment applies to. */
  targetLine: number;
  /** `next-line` for `trustline-ignore-next-line`, `same-line` for `trustline-ignore`. */
  form: 'next-line' | 'same-line';
  rules: SuppressionRuleUse[];
  /** The justification after `--` (empty when missing: the comment then suppresses nothing). */
  reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops applying. */
  until?: string;
  /** The text after `until` when it is not a YYYY-MM-DD date (reported; the suppression then never expires). */
  invalidUntil?: string;
  /** `true` when `until` is before the analysis date. */
  expired: boolean;
}

/** One reported problem. Plain data: safe to serialize. Secret values never appear unredacted in any field. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  title: string;
  message: string;
  /** Absolute path of the analyzed file. */
  file: string;
  range: SourceRange;
  /** The source line(s) of the finding with secret literals redacted. */
  snippet: string;
  related: RelatedLocation[];
  tags: FrameworkTags;
  /** Library/framework tags of the rule (e.g. `jsonwebtoken`, `express-session`). */
  frameworks: string[];
  fixes: Fix[];
  /** Present when a justified inline suppression applies; the finding is then not counted. */
  suppression?: Suppression;
}

/** A message about the run itself (skipped files, rule crashes, invalid packs, bad suppressions). */
export interface Notice {
  level: 'error' | 'warning' | 'info';
  /** Stable machine-readable code, e.g. `file-too-large`, `parse-failed`, `rule-crashed`, `invalid-rule`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  /** JSON pointer inside `file` for schema errors. */
  pointer?: string;
  ruleId?: string;
}

/** Result of analyzing one file. */
export interface FileResult {
  file: string;
  findings: Finding[];
  notices: Notice[];
  /** Set when the file was not analyzed (too large, minified, unreadable). */
  skipped?: string;
  lineCount: number;
  /** The file's suppression comments, in source order (absent when it has none). */
  suppressions?: SuppressionRecord[];
}
