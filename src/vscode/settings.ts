/**
 * The `trustline.*` settings (declared in package.json `contributes.configuration`), read and sanitized.
 */
import * as vscode from 'vscode';
import type { Severity } from '../engine';

export type SeverityOverride = Severity | 'off';

export const IDENTITY_PROVIDERS = ['auth0', 'okta', 'entra-id', 'cognito', 'keycloak', 'clerk', 'authjs', 'firebase', 'supabase', 'custom'] as const;
export const SECRET_STORES = ['env', 'aws-secrets-manager', 'azure-key-vault', 'gcp-secret-manager', 'vault', 'doppler'] as const;

export interface TrustlineSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  severityOverrides: Record<string, SeverityOverride>;
  rulePacks: string[];
  exclude: string[];
  identityProvider: string;
  secretStore: string;
}

const OVERRIDES = new Set<string>(['error', 'warning', 'info', 'off']);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0) : [];
}

/** Current settings for a resource (its workspace folder's values win over the user's). */
export function readSettings(scope?: vscode.Uri): TrustlineSettings {
  const c = vscode.workspace.getConfiguration('trustline', scope);
  const overrides: Record<string, SeverityOverride> = {};
  const raw = c.get<unknown>('severityOverrides');
  if (raw && typeof raw === 'object') {
    for (const [id, level] of Object.entries(raw)) if (typeof level === 'string' && OVERRIDES.has(level)) overrides[id] = level as SeverityOverride;
  }
  const debounce = c.get<number>('debounceMs', 250);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Number.isFinite(debounce) ? Math.max(0, Math.min(5000, debounce)) : 250,
    severityOverrides: overrides,
    rulePacks: strings(c.get<unknown>('rulePacks')),
    exclude: strings(c.get<unknown>('exclude')),
    identityProvider: c.get<string>('identityProvider', 'custom'),
    secretStore: c.get<string>('secretStore', 'env'),
  };
}
