/**
 * The commented starter `.trustline.yaml` that `trustline init` writes, filled in from {@link ProjectFacts}.
 * Everything it could not infer is present as a commented example, so the file documents the whole format.
 */
import type { ProjectFacts } from './infer-policy';

/** Choices given on the command line; they win over inference. */
export interface StarterChoices {
  identityProvider?: string;
  secretStore?: string;
}

function yamlList(items: readonly string[], indent: string): string {
  return items.map((i) => `${indent}- ${JSON.stringify(i)}`).join('\n');
}

function globFor(entry: string): string {
  return /\.[cm]?[jt]sx?$/.test(entry) ? entry : `${entry}/**`;
}

/**
 * Renders the starter policy.
 * @param facts - What was found in the project.
 * @param choices - Explicit choices.
 */
export function renderStarterPolicy(facts: ProjectFacts, choices: StarterChoices = {}): string {
  const out: string[] = [];
  const idp = choices.identityProvider ?? facts.identityProviders[0]?.id;
  const store = choices.secretStore ?? facts.secretStores[0]?.id;
  const from = (what: Array<{ id: string; packages: string[] }>, id: string | undefined): string => {
    const hit = what.find((w) => w.id === id);
    return hit ? ` # found ${hit.packages.join(', ')}` : '';
  };
  out.push('# Trustline team policy. Commit it: the CLI, CI and the VS Code extension all apply it.');
  out.push('# A .trustline.yaml in a subfolder applies to that subtree and overrides this one (add `root: true` to stop inheriting).');
  out.push(`# Written by "trustline init"${facts.manifests.length > 0 ? ` from ${facts.manifests.join(', ')}` : ''}; nothing in it is executed.`);
  out.push('');
  out.push('# Rule packs in addition to the built-in rules: folders, manifests or npm packages (read as data).');
  out.push('# extends:');
  out.push('#   - ./trustline-rules');
  out.push('#   - "@acme/trustline-rules"');
  out.push('');
  out.push('# The approved identity provider: quick fixes for token verification use its JWKS-based verifier.');
  out.push('# One of auth0, okta, entra-id, cognito, keycloak, clerk, authjs, firebase, supabase, custom.');
  out.push(`identityProvider: ${idp ?? 'custom'}${idp !== undefined && choices.identityProvider === undefined ? from(facts.identityProviders, idp) : idp === undefined ? ' # no identity-provider SDK found in package.json' : ''}`);
  const otherIdps = facts.identityProviders.filter((p) => p.id !== idp);
  if (otherIdps.length > 0) out.push(`# Also found: ${otherIdps.map((p) => `${p.id} (${p.packages.join(', ')})`).join('; ')}.`);
  out.push('');
  out.push('# The approved secret store: quick fixes for inline secrets read from it.');
  out.push('# One of env, aws-secrets-manager, azure-key-vault, gcp-secret-manager, vault, doppler.');
  out.push(`secretStore: ${store ?? 'env'}${store !== undefined && choices.secretStore === undefined ? from(facts.secretStores, store) : ''}`);
  out.push('');
  out.push('# Longest lifetimes the code may issue: 15m, 12h, 7d, 2w, or seconds. Longer ones are reported.');
  const lifetimes: string[] = [];
  const jwt = facts.jwtLibraries.length > 0 ? ` # ${facts.jwtLibraries.join(', ')}` : '';
  lifetimes.push(`  accessToken: 15m${jwt}`);
  lifetimes.push('  refreshToken: 7d');
  lifetimes.push(`  session: 12h${facts.sessionLibraries.length > 0 ? ` # ${facts.sessionLibraries.join(', ')}` : ''}`);
  out.push('tokenLifetimes:', ...lifetimes);
  out.push('');
  out.push('# Which side of the trust boundary code runs on (globs relative to this file). They take precedence over');
  out.push("# Trustline's path heuristics; server and edge win over client; a 'use client' directive still wins.");
  const sides: Array<[string, string[]]> = [
    ['client', facts.client],
    ['server', facts.server],
    ['edge', facts.edge],
  ];
  if (sides.some(([, list]) => list.length > 0)) {
    out.push('trustBoundary:');
    for (const [side, list] of sides) {
      if (list.length === 0) out.push(`  # ${side}: []`);
      else out.push(`  ${side}:`, yamlList(list.map(globFor), '    '));
    }
  } else {
    out.push('# trustBoundary:');
    out.push('#   client: ["src/components/**", "src/pages/**"]');
    out.push('#   server: ["src/server/**", "src/pages/api/**"]');
    out.push('#   edge: ["middleware.ts"]');
  }
  out.push('');
  out.push('# Where authentication code may live (globs, or workspace package names). Token signing/verification and');
  out.push('# password hashing anywhere else are reported (authn/hand-rolled-outside-approved-modules).');
  if (facts.authModules.length > 0) out.push('approvedAuthModules:', yamlList(facts.authModules.map(globFor), '  '));
  else out.push('# approvedAuthModules: ["src/auth/**", "@acme/auth"]');
  out.push('');
  out.push('# Rule settings: off, a severity (error, warning, info), or { enabled, severity, options }.');
  out.push('rules:');
  out.push('  # jwt/decode-used-for-trust: error');
  out.push('  # token/cache-without-expiry: off');
  out.push('  secret/secret-named-literal: { severity: warning }');
  out.push('');
  out.push('# Files not to analyze (globs relative to this file), in addition to .gitignore.');
  out.push('ignore:');
  out.push('  - "**/__generated__/**"');
  out.push('');
  return out.join('\n');
}
