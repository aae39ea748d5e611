/**
 * Hand-made engine data for reporter tests (the reporters are pure functions of an AuditReport).
 */
import type { Finding, LoadedRule } from '../../../src/engine';
import type { AuditReport } from '../../../src/cli/audit-report';

/**
 * A finding with realistic defaults; override any field.
 * @param overrides - Fields to change.
 */
export function makeFinding(overrides: Partial<Finding> & Pick<Finding, 'file'>): Finding {
  return {
    ruleId: 'jwt/decode-without-verify',
    category: 'token.verify',
    severity: 'error',
    confidence: 'high',
    title: 'jwt.decode result trusted without verification',
    message: 'jwt.decode does not check the signature; use jwt.verify with pinned algorithms',
    range: { startLine: 4, startColumn: 16, endLine: 4, endColumn: 33, startOffset: 80, endOffset: 97 },
    snippet: '  const claims = jwt.decode(token);',
    related: [],
    tags: { cwe: ['CWE-345', 'CWE-347'], asvs: ['V3.5.3'], nhi: [], csf: ['PR.AA-03'] },
    frameworks: ['jsonwebtoken'],
    fixes: [],
    ...overrides,
  };
}

/**
 * A loaded rule matching {@link makeFinding}'s defaults; override any field.
 * @param overrides - Fields to change.
 */
export function makeRule(overrides: Partial<LoadedRule> = {}): LoadedRule {
  const id = overrides.id ?? 'jwt/decode-without-verify';
  return {
    id,
    title: 'jwt.decode result trusted without verification',
    category: 'token.verify',
    severity: 'error',
    confidence: 'high',
    message: 'jwt.decode does not check the signature; use jwt.verify with pinned algorithms',
    tags: { cwe: ['CWE-345', 'CWE-347'], asvs: ['V3.5.3'], nhi: [], csf: ['PR.AA-03'] },
    frameworks: ['jsonwebtoken'],
    docs: '# Do not trust jwt.decode\n\n`jwt.decode` skips signature checks.\n',
    dir: `/rules/builtin/${id}`,
    file: `/rules/builtin/${id}/rule.yaml`,
    pack: 'trustline',
    definition: {
      id,
      title: 't',
      category: 'token.verify',
      severity: 'error',
      confidence: 'high',
      message: 'm',
      cwe: [],
      asvs: [],
      nhi: [],
      csf: [],
      match: {},
    },
    ...overrides,
  };
}

/**
 * A report rooted at `root` with the given findings (sorted as runAudit sorts them).
 * @param root - Absolute audit root.
 * @param findings - Findings.
 * @param extra - Other fields to override.
 */
export function makeReport(root: string, findings: Finding[], extra: Partial<AuditReport> = {}): AuditReport {
  const files = [...new Set(findings.map((f) => f.file))].sort();
  return {
    root,
    threshold: 'info',
    rules: [makeRule(), makeRule({ id: 'secret/hardcoded-jwt-secret', category: 'secret.inline', title: 'Hard-coded JWT signing secret', tags: { cwe: ['CWE-798'], asvs: [], nhi: ['NHI2'], csf: [] }, docs: '' })],
    findings,
    notices: [],
    files,
    skippedFiles: 0,
    ...extra,
  };
}
