/**
 * `trustline suppressions [paths...]`: the suppressions register — every inline suppression with its rule,
 * reason, expiry, status and (from git blame) author and date — as a table, JSON or CSV. With `--strict`
 * it exits 1 when a suppression is unused, expired or invalid, so CI can keep the register clean.
 */
import path from 'node:path';
import { shouldUseColor } from '../ansi';
import type { CliContext } from '../cli-context';
import { discoverFiles } from '../discovery/discover-files';
import { helpText } from '../help';
import { loadRuleSet } from '../load-rule-set';
import { choiceOption, parseCommandArgs, stringOption, type OptionSpecs } from '../parse-command-args';
import { renderNoticeLine } from '../reporters/text';
import { collectRegister, STALE_OR_INVALID } from '../suppressions/collect-register';
import { REGISTER_FORMATS, renderRegister } from '../suppressions/render-register';
import { writeOutput } from '../write-output';
import { SCOPE_OPTIONS, resolveAuditOptions } from './audit';

const OPTIONS: OptionSpecs = {
  ...SCOPE_OPTIONS,
  format: { type: 'string', short: 'f' },
  'no-blame': { type: 'boolean' },
  strict: { type: 'boolean' },
};

/**
 * Runs `trustline suppressions`.
 * @param args - Arguments after `suppressions`.
 * @param context - Process environment.
 * @returns 0, or 1 with `--strict` when a suppression needs attention.
 * @throws {@link UsageError} for invalid arguments or configuration.
 */
export function suppressionsCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('suppressions', args, OPTIONS);
  if (values.help === true) {
    context.stdout(helpText('suppressions'));
    return 0;
  }
  const format = choiceOption('format', stringOption(values, 'format') ?? 'table', REGISTER_FORMATS);
  const options = resolveAuditOptions({ ...values, format: undefined }, positionals, context.cwd);
  const ruleSet = loadRuleSet(options.rulePacks, context.cwd);
  const discovery = discoverFiles({ root: options.root, targets: options.targets });
  const today = new Date().toISOString().slice(0, 10);
  const register = collectRegister({
    root: options.root,
    files: discovery.files,
    rules: ruleSet.rules,
    policy: options.noPolicy === true ? undefined : { config: options.config, top: options.policyTop },
    maxFileBytes: options.maxFileBytes,
    today,
    blame: values['no-blame'] !== true,
  });
  if (!options.quiet) {
    const color = shouldUseColor(context.stderrIsTty, context.env);
    for (const notice of [...ruleSet.notices, ...discovery.notices, ...register.notices]) {
      context.stderr(`${renderNoticeLine(notice, options.root, color)}\n`);
    }
    if (register.blameUnavailable !== undefined) {
      context.stderr(`trustline: authors and dates are left out: ${register.blameUnavailable}\n`);
    }
  }
  const color = options.output === undefined && shouldUseColor(context.stdoutIsTty, context.env);
  const rendered = renderRegister(register, format, { root: options.root, today, color });
  if (options.output !== undefined) writeOutput(path.resolve(context.cwd, options.output), rendered);
  else context.stdout(rendered);
  const attention = register.entries.some((e) => STALE_OR_INVALID.has(e.status));
  return values.strict === true && attention ? 1 : 0;
}
