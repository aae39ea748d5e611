/**
 * What rule data may read from the policy: `tokenLifetimes.accessToken`, `tokenLifetimes.refreshToken`,
 * `tokenLifetimes.session` (seconds), `identityProvider`, `secretStore`, `approvedAuthModules`, and
 * `options.<name>` — the rule's own options from the policy's `rules.<id>.options`, falling back to the default
 * the rule declares. Rules reference these by path, in `requires.policy` and in `value.durationOver.limit`.
 */
import type { RuleDefinition, RuleOptionDeclaration } from '../rules/rule-types';
import { formatDuration, policyDurationSeconds } from './duration';
import type { EffectivePolicy } from './policy-types';

/** Paths a rule may reference, besides `options.<name>`. */
export const POLICY_PATHS = [
  'tokenLifetimes.accessToken',
  'tokenLifetimes.refreshToken',
  'tokenLifetimes.session',
  'identityProvider',
  'secretStore',
  'approvedAuthModules',
] as const;

/** Policy values as one rule sees them. */
export interface RuleSettings {
  /** The value at a path, or `undefined` when the policy does not set it (and the rule declares no default). */
  get(path: string): unknown;
  /** The value for messages (`15 minutes`, `auth0`, `src/auth/**, @acme/auth`), or `undefined` when unset. */
  text(path: string): string | undefined;
}

/** An option value normalised to its declared type (durations become seconds); `undefined` when it does not fit. */
export function normaliseOption(decl: RuleOptionDeclaration, value: unknown): unknown {
  switch (decl.type) {
    case 'duration':
      return typeof value === 'number' || typeof value === 'string' ? policyDurationSeconds(value) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
    default:
      return undefined;
  }
}

/** What the option type expects, for messages. */
export function optionTypeText(decl: RuleOptionDeclaration): string {
  switch (decl.type) {
    case 'duration':
      return 'a duration (15m, 7d, or seconds)';
    case 'strings':
      return 'a list of strings';
    default:
      return `a ${decl.type}`;
  }
}

/**
 * The settings one rule sees under a policy.
 * @param policy - The effective policy (or undefined: nothing set, only declared defaults).
 * @param definition - The rule's definition (its declared options).
 * @param ruleId - The rule id (its policy entry holds the options).
 */
export function ruleSettings(policy: EffectivePolicy | undefined, definition: RuleDefinition, ruleId: string): RuleSettings {
  const given = policy?.rules[ruleId]?.options ?? {};
  const declared = definition.options ?? {};
  const isDuration = (path: string): boolean => path.startsWith('tokenLifetimes.') || (path.startsWith('options.') && declared[path.slice(8)]?.type === 'duration');
  const settings: RuleSettings = {
    text(path) {
      const value = settings.get(path);
      if (value === undefined) return undefined;
      if (typeof value === 'number' && isDuration(path)) return formatDuration(value);
      return Array.isArray(value) ? value.join(', ') : String(value);
    },
    get(path) {
      if (path.startsWith('options.')) {
        const name = path.slice('options.'.length);
        const decl = declared[name];
        if (!decl) return undefined;
        const fromPolicy = given[name] !== undefined ? normaliseOption(decl, given[name]) : undefined;
        return fromPolicy ?? (decl.default !== undefined ? normaliseOption(decl, decl.default) : undefined);
      }
      if (!policy) return undefined;
      switch (path) {
        case 'tokenLifetimes.accessToken':
          return policy.tokenLifetimes.accessToken;
        case 'tokenLifetimes.refreshToken':
          return policy.tokenLifetimes.refreshToken;
        case 'tokenLifetimes.session':
          return policy.tokenLifetimes.session;
        case 'identityProvider':
          return policy.identityProvider;
        case 'secretStore':
          return policy.secretStore;
        case 'approvedAuthModules':
          return policy.approvedAuthModules && policy.approvedAuthModules.globs.length > 0 ? policy.approvedAuthModules.globs : undefined;
        default:
          return undefined;
      }
    },
  };
  return settings;
}
