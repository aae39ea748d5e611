/**
 * `trustline baseline [paths...]`: runs the same audit as `trustline audit` and writes the unsuppressed
 * findings to a baseline file, keyed by their line-shift-stable fingerprints. `audit --baseline FILE`
 * then reports only findings that are not in it.
 */
import path from 'node:path';
import type { CliContext } from '../cli-context';
import { createBaseline, serializeBaseline, writeBaseline } from '../baseline/baseline-file';
import { helpText } from '../help';
import { parseCommandArgs, stringOption } from '../parse-command-args';
import { plural } from '../plural';
import { primaryLocationLineHashes } from '../reporters/fingerprint';
import { renderNoticeLine } from '../reporters/text';
import { shouldUseColor } from '../ansi';
import { SCOPE_OPTIONS, collectAuditReport, resolveAuditOptions } from './audit';

/** Where `trustline baseline` writes when `--output` is not given (relative to the working directory). */
export const DEFAULT_BASELINE_FILE = 'trustline-baseline.json';


/**
 * Runs `trustline baseline`.
 * @param args - Arguments after `baseline`.
 * @param context - Process environment.
 * @returns The exit code (0; usage errors throw).
 * @throws {@link UsageError} for invalid arguments or configuration.
 */
export function baselineCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('baseline', args, SCOPE_OPTIONS);
  if (values.help === true) {
    context.stdout(helpText('baseline'));
    return 0;
  }
  const options = resolveAuditOptions(values, positionals, context.cwd);
  const output = stringOption(values, 'output') ?? DEFAULT_BASELINE_FILE;
  const report = collectAuditReport({ ...options, threshold: 'info' }, context);
  if (!options.quiet) {
    const color = shouldUseColor(context.stderrIsTty, context.env);
    for (const notice of report.notices) context.stderr(`${renderNoticeLine(notice, report.root, color)}\n`);
  }
  const baseline = createBaseline(report.root, report.findings, primaryLocationLineHashes(report.root, report.findings));
  if (output === '-') {
    context.stdout(serializeBaseline(baseline));
  } else {
    writeBaseline(path.resolve(context.cwd, output), baseline);
  }
  if (!options.quiet) {
    const files = new Set(baseline.findings.map((e) => e.file)).size;
    const suppressed = report.findings.filter((f) => f.suppression).length;
    const left = suppressed > 0 ? ` (${plural(suppressed, 'suppressed finding')} left out: ${suppressed === 1 ? 'its comment covers it' : 'their comments cover them'})` : '';
    const where = output === '-' ? 'stdout' : output;
    context.stderr(`Wrote ${plural(baseline.findings.length, 'finding')} in ${plural(files, 'file')} to ${where}${left}.\n`);
    const root = stringOption(values, 'root');
    const same = [...(positionals.length > 0 ? positionals : ['.']), ...(root !== undefined ? ['--root', root] : [])].join(' ');
    if (output !== '-') context.stderr(`Audit against it with: trustline audit ${same} --baseline ${output}\n`);
  }
  return 0;
}
