/**
 * `trustline packs init|test|validate`: scaffold a rule pack, run its fixtures with the same runner as the
 * built-in pack, and check its schema and references.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureCases, type Notice } from '../../engine';
import type { CliContext } from '../cli-context';
import { createStyles, shouldUseColor } from '../ansi';
import { parseCommandArgs, stringOption, type OptionSpecs } from '../parse-command-args';
import { checkPack } from '../packs/check-pack';
import { areaOf, scaffoldPack } from '../packs/scaffold-pack';
import { renderNoticeLine } from '../reporters/text';
import { UsageError } from '../usage-error';

/** Help of `trustline packs`. */
export const PACKS_HELP = `Usage: trustline packs <init|test|validate> [options]

  trustline packs init <name> [--dir <folder>]  scaffold an npm-publishable pack: pack.yaml, package.json, one
                                               example rule with docs, fixtures and a fix template
  trustline packs test [folder]                 run every rule of the pack against its fixtures (the built-in
                                               pack's runner): exact expected lines, silent negatives, fix outputs
  trustline packs validate [folder]             schema, ids vs folders, regex safety, snippets, docs, fixtures

Packs are data only: YAML/JSON rules and manifests, Markdown docs, fix templates and fixtures. The loader
refuses anything that names code. Exit codes: 0 ok, 1 failures or errors, 2 usage error.

Options:
      --dir <folder>  (init) where to create the pack (default: the name without its scope)
  -h, --help          show this help
`;

const OPTIONS: OptionSpecs = {
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const PACK_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/**
 * Runs `trustline packs`.
 * @param args - Arguments after `packs`.
 * @param context - Process environment.
 * @returns The exit code.
 * @throws {@link UsageError} for invalid arguments.
 */
export function packsCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('packs', args, OPTIONS);
  const [sub, ...rest] = positionals;
  if (values.help === true || sub === undefined) {
    (sub === undefined && values.help !== true ? context.stderr : context.stdout)(PACKS_HELP);
    return values.help === true ? 0 : 2;
  }
  switch (sub) {
    case 'init':
      return initPack(rest, stringOption(values, 'dir'), context);
    case 'test':
      return testPack(packDir(rest, context), context);
    case 'validate':
      return validatePack(packDir(rest, context), context);
    default:
      throw new UsageError(`unknown packs command "${sub}" (expected init, test or validate)`, 'Run "trustline packs --help" for usage.');
  }
}

function packDir(rest: string[], context: CliContext): string {
  if (rest.length > 1) throw new UsageError(`expected one pack folder (got ${rest.join(' ')})`);
  const dir = path.resolve(context.cwd, rest[0] ?? '.');
  if (!existsSync(dir)) throw new UsageError(`pack folder not found: ${rest[0] ?? '.'} (expected a folder with pack.yaml)`);
  return dir;
}

function initPack(rest: string[], dirOption: string | undefined, context: CliContext): number {
  const name = rest[0];
  if (name === undefined || rest.length > 1) throw new UsageError('packs init needs one pack name (expected e.g. trustline packs init @acme/trustline-rules)');
  if (!PACK_NAME.test(name)) throw new UsageError(`"${name}" is not a valid npm package name (expected lower case, e.g. @acme/trustline-rules or acme-trustline-rules)`);
  const dir = path.resolve(context.cwd, dirOption ?? name.replace(/^@[^/]+\//, ''));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${path.relative(context.cwd, dir) || dir} is not empty (expected a new or empty folder; use --dir)`);
  const files = scaffoldPack(name);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const shown = path.relative(context.cwd, dir) || '.';
  context.stdout(
    `created pack ${name} in ${shown} (${Object.keys(files).length} files; example rule ${areaOf(name)}/legacy-session-check)\n` +
      `Next: trustline packs test ${shown}   then edit ${areaOf(name)}/legacy-session-check/rule.yaml\n`,
  );
  return 0;
}

function printNotices(notices: readonly Notice[], root: string, context: CliContext): void {
  const color = shouldUseColor(context.stderrIsTty, context.env);
  for (const n of notices) context.stderr(`${renderNoticeLine(n, root, color)}\n`);
}

function testPack(dir: string, context: CliContext): number {
  const check = checkPack(dir);
  const loadErrors = check.notices.filter((n) => n.level === 'error' && n.code !== 'pack-check');
  printNotices(loadErrors, dir, context);
  if (!check.pack) {
    context.stderr(`trustline: ${dir} did not load as a pack\n`);
    return 1;
  }
  const styles = createStyles(shouldUseColor(context.stdoutIsTty, context.env));
  let passed = 0;
  let failed = 0;
  const lines: string[] = [`${check.pack.name} ${check.pack.version} (${check.rules.length} rule${check.rules.length === 1 ? '' : 's'})`];
  for (const rule of check.rules) {
    const cases = fixtureCases(rule, check.allRules);
    if (cases.length === 0) {
      failed++;
      lines.push(`  ${styles.red('✗')} ${rule.id}: no fixtures`);
      continue;
    }
    for (const c of cases) {
      const problem = c.run();
      if (problem === undefined) {
        passed++;
        lines.push(`  ${styles.green('✓')} ${rule.id}: ${c.name}`);
      } else {
        failed++;
        lines.push(`  ${styles.red('✗')} ${rule.id}: ${c.name}`, ...problem.split('\n').map((l) => `      ${l}`));
      }
    }
  }
  lines.push('', `${passed} passed, ${failed} failed${loadErrors.length > 0 ? `, ${loadErrors.length} load error${loadErrors.length === 1 ? '' : 's'}` : ''}`);
  context.stdout(`${lines.join('\n')}\n`);
  return failed > 0 || loadErrors.length > 0 ? 1 : 0;
}

function validatePack(dir: string, context: CliContext): number {
  const check = checkPack(dir);
  printNotices(check.notices, dir, context);
  const errors = check.notices.filter((n) => n.level === 'error').length;
  const warnings = check.notices.filter((n) => n.level === 'warning').length;
  if (check.pack) {
    context.stdout(`${check.pack.name} ${check.pack.version}: ${check.rules.length} rule${check.rules.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${check.pack.contentHash})\n`);
  }
  return errors > 0 || !check.pack ? 1 : 0;
}
