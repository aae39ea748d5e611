/**
 * `trustline init`: writes a commented starter `.trustline.yaml`, inferring the identity provider, secret store,
 * session/JWT libraries, trust-boundary folders and auth modules from the project instead of asking.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_PROVIDERS, POLICY_FILE_NAMES, SECRET_STORES } from '../../engine';
import type { CliContext } from '../cli-context';
import { choiceOption, parseCommandArgs, stringOption, type OptionSpecs } from '../parse-command-args';
import { inferProjectFacts } from '../policy/infer-policy';
import { renderStarterPolicy } from '../policy/starter-policy';
import { UsageError } from '../usage-error';

/** Help of `trustline init`. */
export const INIT_HELP = `Usage: trustline init [folder] [options]

Writes a commented starter team policy (.trustline.yaml) to the folder (default: .). The identity provider,
secret store, session and JWT libraries come from package.json dependencies (workspaces included), the
trust-boundary globs and approved auth modules from the folders that exist; nothing is asked.

Options:
      --identity-provider <id>  auth0, okta, entra-id, cognito, keycloak, clerk, authjs, firebase, supabase, custom
      --secret-store <id>       env, aws-secrets-manager, azure-key-vault, gcp-secret-manager, vault, doppler
      --force                   overwrite an existing policy
  -h, --help                    show this help
`;

const OPTIONS: OptionSpecs = {
  'identity-provider': { type: 'string' },
  'secret-store': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Runs `trustline init`.
 * @param args - Arguments after `init`.
 * @param context - Process environment.
 * @returns The exit code.
 * @throws {@link UsageError} for invalid arguments or an existing policy without --force.
 */
export function initCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('init', args, OPTIONS);
  if (values.help === true) {
    context.stdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`init takes one folder (got ${positionals.length}: ${positionals.join(' ')})`);
  const dir = path.resolve(context.cwd, positionals[0] ?? '.');
  const idpArg = stringOption(values, 'identity-provider');
  const storeArg = stringOption(values, 'secret-store');
  const identityProvider = idpArg !== undefined ? choiceOption('identity-provider', idpArg, IDENTITY_PROVIDERS) : undefined;
  const secretStore = storeArg !== undefined ? choiceOption('secret-store', storeArg, SECRET_STORES) : undefined;
  const existing = POLICY_FILE_NAMES.map((n) => path.join(dir, n)).find((f) => existsSync(f));
  if (existing !== undefined && values.force !== true) {
    throw new UsageError(`${path.relative(context.cwd, existing) || existing} already exists (expected no policy there; use --force to overwrite it)`);
  }
  const facts = inferProjectFacts(dir);
  const target = existing ?? path.join(dir, '.trustline.yaml');
  const text = renderStarterPolicy(facts, { identityProvider, secretStore });
  const file = target.endsWith('.json') ? path.join(dir, '.trustline.yaml') : target;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file} (${error instanceof Error ? error.message : String(error)}; expected a writable folder)`);
  }
  const shown = path.relative(context.cwd, file) || file;
  const idp = identityProvider ?? facts.identityProviders[0]?.id;
  const summary = [
    `identity provider: ${idp ?? 'custom (none detected)'}`,
    `secret store: ${secretStore ?? facts.secretStores[0]?.id ?? 'env'}`,
    facts.sessionLibraries.length > 0 ? `session libraries: ${facts.sessionLibraries.join(', ')}` : undefined,
    facts.jwtLibraries.length > 0 ? `JWT libraries: ${facts.jwtLibraries.join(', ')}` : undefined,
  ].filter((s): s is string => s !== undefined);
  context.stdout(`wrote ${shown} (${summary.join('; ')})\nReview it, commit it, and run "trustline audit".\n`);
  return 0;
}
