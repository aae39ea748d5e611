/**
 * SARIF `reportingDescriptor`s for Trustline rules: full metadata (descriptions, docs as help markdown,
 * CWE tags, precision and GitHub's `security-severity`).
 */
import type { Confidence, LoadedRule, Severity } from '../../engine';
import { genericMessage } from '../message-template';
import { builtinRuleDocsUrl } from '../version';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-types';

/** Name of the built-in pack; only its rules have published docs URLs. */
const BUILTIN_PACK = 'trustline';

/** GitHub code scanning maps these to critical/high (>= 7), medium (>= 4) and low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };

const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF level for a Trustline severity.
 * @param severity - The severity.
 */
export function sarifLevel(severity: Severity): SarifLevel {
  return LEVEL[severity];
}

/**
 * PascalCase name of a rule id: `jwt/decode-without-verify` → `JwtDecodeWithoutVerify`.
 * @param ruleId - Rule id.
 */
export function ruleName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * CWE tags in the form GitHub code scanning recognizes (`external/cwe/cwe-798`).
 * @param cwe - CWE references as written in rules (`CWE-798`, `798`).
 */
export function cweTags(cwe: readonly string[]): string[] {
  const tags: string[] = [];
  for (const entry of cwe) {
    const id = /(\d+)/.exec(entry)?.[1];
    if (id !== undefined) tags.push(`external/cwe/cwe-${Number(id)}`);
  }
  return tags;
}

/**
 * Ends a sentence with a period when it has no terminal punctuation (SARIF rule SARIF2001).
 * @param text - A message.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}.`;
}

/** The parts of a rule a descriptor is built from. */
export type RuleMetadata = Pick<
  LoadedRule,
  'id' | 'title' | 'category' | 'severity' | 'confidence' | 'message' | 'tags' | 'frameworks' | 'docs' | 'pack'
>;

/**
 * The reporting descriptor of a rule.
 * @param rule - A loaded rule (or the metadata a finding carries about its rule).
 */
export function toReportingDescriptor(rule: RuleMetadata): SarifReportingDescriptor {
  const docs = rule.docs.trim();
  const descriptor: SarifReportingDescriptor = {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: asSentence(rule.title) },
    fullDescription: { text: asSentence(genericMessage(rule.message)) },
    help: docs === '' ? { text: asSentence(genericMessage(rule.message)) } : { text: docs, markdown: docs },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: unique([rule.category, 'security', ...cweTags(rule.tags.cwe)]),
      precision: PRECISION[rule.confidence],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      category: rule.category,
      confidence: rule.confidence,
      cwe: rule.tags.cwe,
      asvs: rule.tags.asvs,
      nhi: rule.tags.nhi,
      csf: rule.tags.csf,
      frameworks: rule.frameworks,
      pack: rule.pack,
    },
  };
  if (rule.pack === BUILTIN_PACK) descriptor.helpUri = builtinRuleDocsUrl(rule.id);
  return descriptor;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
