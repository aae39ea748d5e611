/**
 * Checks a policy's `rules:` entries against the rules that are loaded: unknown rule ids and unknown or mistyped
 * options are reported with the policy file, line, JSON pointer and a did-you-mean. Entries for unknown rules have
 * no effect; the rest of the policy applies.
 */
import { suggestClosest } from '../edit-distance';
import type { LoadedRule } from '../rules/rule-types';
import type { Notice } from '../types';
import { policyNotice, rulePointer, type PolicyFile } from './load-policy';
import { normaliseOption, optionTypeText } from './rule-settings';

/**
 * Problems of one policy file's rule entries.
 * @param policy - A loaded policy file.
 * @param rules - The rules that run under it.
 */
export function checkPolicyRules(policy: PolicyFile, rules: readonly LoadedRule[]): Notice[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ids = [...byId.keys()];
  const notices: Notice[] = [];
  for (const [id, entry] of Object.entries(policy.document.rules ?? {})) {
    const pointer = rulePointer(id);
    const rule = byId.get(id);
    if (!rule) {
      const closest = suggestClosest(id, ids);
      const hint = closest !== undefined ? `; did you mean "${closest}"?` : ' (run "trustline rules" for the list)';
      notices.push(policyNotice(policy.file, policy.lineOf(pointer), pointer, `unknown rule "${id}"${hint}; this entry has no effect`));
      continue;
    }
    if (typeof entry === 'string' || entry.options === undefined) continue;
    const declared = rule.definition.options ?? {};
    const names = Object.keys(declared);
    for (const [name, value] of Object.entries(entry.options)) {
      const at = `${pointer}/options/${name}`;
      const decl = declared[name];
      if (!decl) {
        const closest = suggestClosest(name, names);
        const expected = names.length === 0 ? `${id} takes no options` : closest !== undefined ? `did you mean "${closest}"?` : `expected one of ${names.join(', ')}`;
        notices.push(policyNotice(policy.file, policy.lineOf(at), at, `unknown option "${name}" for ${id}; ${expected}`));
      } else if (normaliseOption(decl, value) === undefined) {
        notices.push(policyNotice(policy.file, policy.lineOf(at), at, `option "${name}" of ${id} must be ${optionTypeText(decl)} (got ${JSON.stringify(value)}); the rule's default applies`));
      }
    }
  }
  return notices;
}
