/**
 * Checks a rule's references to policy values (`requires.policy`, `value.durationOver.limit.policy`,
 * `{{policy.x}}` in the message) when the rule loads, so a typo is a load error naming the JSON pointer instead
 * of a rule that silently never runs.
 */
import { suggestClosest } from '../edit-distance';
import type { RuleDefinition } from '../rules/rule-types';
import { policyPlaceholderPaths } from './policy-placeholders';
import { POLICY_PATHS } from './rule-settings';

/** A bad reference: where it is and what is wrong. */
export interface ReferenceIssue {
  pointer: string;
  message: string;
}

function collectLimitRefs(node: unknown, pointer: string, out: Array<{ pointer: string; path: string }>): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => collectLimitRefs(n, `${pointer}/${i}`, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'durationOver' && typeof value === 'object' && value !== null) {
      const limit: unknown = Reflect.get(value, 'limit');
      const ref: unknown = typeof limit === 'object' && limit !== null ? Reflect.get(limit, 'policy') : undefined;
      if (typeof ref === 'string') out.push({ pointer: `${at}/limit/policy`, path: ref });
    }
    collectLimitRefs(value, at, out);
  }
}

/**
 * Problems with the policy paths a rule refers to.
 * @param def - The rule definition (schema-valid).
 */
export function checkPolicyReferences(def: RuleDefinition): ReferenceIssue[] {
  const refs: Array<{ pointer: string; path: string }> = [];
  (def.requires?.policy ?? []).forEach((p, i) => refs.push({ pointer: `/requires/policy/${i}`, path: p }));
  collectLimitRefs(def.match, '/match', refs);
  for (const p of policyPlaceholderPaths(def.message)) refs.push({ pointer: '/message', path: p });
  const options = Object.keys(def.options ?? {}).map((o) => `options.${o}`);
  const known: string[] = [...POLICY_PATHS, ...options];
  const issues: ReferenceIssue[] = [];
  for (const ref of refs) {
    if (known.includes(ref.path)) continue;
    const closest = suggestClosest(ref.path, known);
    const hint = closest !== undefined ? `; did you mean "${closest}"?` : ` (expected one of ${known.join(', ')})`;
    const what = ref.path.startsWith('options.') ? `option "${ref.path.slice(8)}" is not declared under the rule's options` : `unknown policy setting "${ref.path}"`;
    issues.push({ pointer: ref.pointer, message: `${what}${hint}` });
  }
  return issues;
}
