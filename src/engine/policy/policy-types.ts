/**
 * The team policy as written (`.trustline.yaml` / `.trustline.json`, validated by
 * `rules/schema/policy.schema.json`) and as applied to one file after nested policies are merged.
 */
import type { Severity } from '../types';

/** Identity providers a policy may approve (fix routing). */
export const IDENTITY_PROVIDERS = ['auth0', 'okta', 'entra-id', 'cognito', 'keycloak', 'clerk', 'authjs', 'firebase', 'supabase', 'custom'] as const;

/** Secret stores a policy may approve (fix routing). */
export const SECRET_STORES = ['env', 'aws-secrets-manager', 'azure-key-vault', 'gcp-secret-manager', 'vault', 'doppler'] as const;

/** File names of a policy, in the order they are looked for in one folder. */
export const POLICY_FILE_NAMES = ['.trustline.yaml', '.trustline.yml', '.trustline.json'] as const;

/** Durations: seconds, or a string with a unit (`15m`). */
export type PolicyDuration = number | string;

/** One rule's entry under `rules:`, full form. */
export interface RulePolicyObject {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

/** A policy file exactly as written (after schema validation). */
export interface PolicyDocument {
  $schema?: string;
  root?: boolean;
  extends?: string[];
  rules?: Record<string, Severity | 'off' | RulePolicyObject>;
  identityProvider?: (typeof IDENTITY_PROVIDERS)[number];
  secretStore?: (typeof SECRET_STORES)[number];
  tokenLifetimes?: { accessToken?: PolicyDuration; refreshToken?: PolicyDuration; session?: PolicyDuration };
  trustBoundary?: { client?: string[]; server?: string[]; edge?: string[] };
  approvedAuthModules?: string[];
  ignore?: string[];
}

/** Globs and the folder they are relative to (the folder of the policy file that wrote them). */
export interface GlobList {
  base: string;
  globs: string[];
  /** Policy file the globs come from. */
  file: string;
}

/** A pack a policy extends: the entry as written and the folder it resolves from. */
export interface ExtendsEntry {
  spec: string;
  /** Folder of the policy file (relative paths and node_modules lookups start here). */
  base: string;
  file: string;
  /** 1-based line of the entry in `file`. */
  line?: number;
  /** JSON pointer of the entry in `file` (`/extends/0`). */
  pointer: string;
}

/** A rule's effective settings: whether it runs, its severity and options, and where they were set. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
  /** Policy file and line of the (last) entry, for messages. */
  file: string;
  line?: number;
}

/** Token lifetime limits in seconds. */
export interface TokenLifetimes {
  accessToken?: number;
  refreshToken?: number;
  session?: number;
}

/** The policy that applies to a subtree: every policy file from the top down, merged (nested overrides parent). */
export interface EffectivePolicy {
  /** Policy files that contributed, outermost first. Empty when no policy applies. */
  files: string[];
  extends: ExtendsEntry[];
  rules: Record<string, RuleSetting>;
  identityProvider?: string;
  secretStore?: string;
  tokenLifetimes: TokenLifetimes;
  trustBoundary: { client?: GlobList; server?: GlobList; edge?: GlobList };
  approvedAuthModules?: GlobList;
  ignore: GlobList[];
}

/** The policy that applies when there is no policy file. */
export const EMPTY_POLICY: EffectivePolicy = { files: [], extends: [], rules: {}, tokenLifetimes: {}, trustBoundary: {}, ignore: [] };
