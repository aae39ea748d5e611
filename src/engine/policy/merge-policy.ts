/**
 * Merges the policy files that apply to a folder, outermost first: a nested policy overrides its parent.
 * Scalars (identityProvider, secretStore, each token lifetime, each trust-boundary side, approvedAuthModules)
 * are replaced; rule entries merge field by field (options key by key); `extends` and `ignore` accumulate.
 */
import { policyDurationSeconds } from './duration';
import { rulePointer, type PolicyFile } from './load-policy';
import type { EffectivePolicy, RuleSetting } from './policy-types';
import * as path from 'node:path';

/**
 * The effective policy of a chain of policy files.
 * @param chain - Policy files, outermost first.
 */
export function mergePolicies(chain: readonly PolicyFile[]): EffectivePolicy {
  const out: EffectivePolicy = { files: [], extends: [], rules: {}, tokenLifetimes: {}, trustBoundary: {}, ignore: [] };
  for (const { file, document: doc, lineOf } of chain) {
    const base = path.dirname(file);
    out.files.push(file);
    (doc.extends ?? []).forEach((spec, i) => out.extends.push({ spec, base, file, line: lineOf(`/extends/${i}`), pointer: `/extends/${i}` }));
    for (const [id, entry] of Object.entries(doc.rules ?? {})) {
      const prev: RuleSetting | undefined = out.rules[id];
      const next: RuleSetting = { ...prev, file, line: lineOf(rulePointer(id)) };
      if (typeof entry === 'string') {
        if (entry === 'off') next.enabled = false;
        else {
          next.enabled = true;
          next.severity = entry;
        }
      } else {
        if (entry.enabled !== undefined) next.enabled = entry.enabled;
        else if (entry.severity !== undefined) next.enabled = true;
        if (entry.severity !== undefined) next.severity = entry.severity;
        if (entry.options !== undefined) next.options = { ...prev?.options, ...entry.options };
      }
      out.rules[id] = next;
    }
    if (doc.identityProvider !== undefined) out.identityProvider = doc.identityProvider;
    if (doc.secretStore !== undefined) out.secretStore = doc.secretStore;
    for (const key of ['accessToken', 'refreshToken', 'session'] as const) {
      const value = doc.tokenLifetimes?.[key];
      const seconds = value === undefined ? undefined : policyDurationSeconds(value);
      if (seconds !== undefined) out.tokenLifetimes[key] = seconds;
    }
    for (const side of ['client', 'server', 'edge'] as const) {
      const globs = doc.trustBoundary?.[side];
      if (globs !== undefined) out.trustBoundary[side] = { base, globs, file };
    }
    if (doc.approvedAuthModules !== undefined) out.approvedAuthModules = { base, globs: doc.approvedAuthModules, file };
    if (doc.ignore !== undefined && doc.ignore.length > 0) out.ignore.push({ base, globs: doc.ignore, file });
  }
  return out;
}
