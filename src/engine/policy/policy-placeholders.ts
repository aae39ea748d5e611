/**
 * `{{policy.<path>}}` placeholders in rule messages: `{{policy.tokenLifetimes.accessToken}}` renders as
 * `15 minutes`, `{{policy.options.maxAge}}` as the rule option's value. Unset values render as `the policy limit`.
 */
import type { RuleSettings } from './rule-settings';

const PLACEHOLDER = /\{\{\s*policy\.([A-Za-z][\w.]*)\s*\}\}/g;

/**
 * Replaces policy placeholders in a message template; capture placeholders are left for renderMessage.
 * @param template - The rule's message.
 * @param settings - Policy values the rule sees.
 */
export function renderPolicyPlaceholders(template: string, settings: RuleSettings): string {
  if (!template.includes('policy.')) return template;
  return template.replace(PLACEHOLDER, (_whole, path: string) => settings.text(path) ?? 'the policy limit');
}

/** Policy paths a message refers to. */
export function policyPlaceholderPaths(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
