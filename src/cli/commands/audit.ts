/**
 * `trustline audit [paths...]`: discover files, run the engine, write a text, JSON or SARIF report,
 * and exit 1 when an unsuppressed finding is at or above the threshold.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { SEVERITIES, type Severity } from '../../engine';
import { shouldUseColor } from '../ansi';
import { auditExitCode, type AuditReport } from '../audit-report';
import { loadBaselineOption } from '../baseline/baseline-file';
import { narrowToNew } from '../baseline/compare';
import type { CliContext } from '../cli-context';
import { discoverFiles } from '../discovery/discover-files';
import { changesSince, type ChangeSet } from '../git/changed-lines';
import { helpText } from '../help';
import { loadRuleSet } from '../load-rule-set';
import {
  choiceOption,
  parseCommandArgs,
  stringListOption,
  stringOption,
  type OptionSpecs,
  type OptionValues,
} from '../parse-command-args';
import { parseByteSize } from '../parse-size';
import { commonAncestor, isInside } from '../paths';
import { ProgressLine } from '../progress';
import { renderJson } from '../reporters/json';
import { renderSarif } from '../reporters/sarif';
import { renderNoticeLine, renderText } from '../reporters/text';
import { runAudit } from '../run-audit';
import { UsageError } from '../usage-error';
import { writeOutput } from '../write-output';

/** Report formats of `audit`. */
export const AUDIT_FORMATS = ['text', 'json', 'sarif'] as const;

/** One of {@link AUDIT_FORMATS}. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Options that choose what is analyzed and with which rules; `audit`, `baseline` and `suppressions` all take them. */
export const SCOPE_OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  rules: { type: 'string', short: 'r', multiple: true },
  'max-file-size': { type: 'string' },
  root: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-policy': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

const OPTIONS: OptionSpecs = {
  ...SCOPE_OPTIONS,
  format: { type: 'string', short: 'f' },
  severity: { type: 'string', short: 's' },
  'no-exit-code': { type: 'boolean' },
  baseline: { type: 'string' },
  'changed-since': { type: 'string' },
};

/** Validated options of one `audit` invocation. */
export interface AuditOptions {
  format: AuditFormat;
  output?: string;
  threshold: Severity;
  rulePacks: string[];
  maxFileBytes?: number;
  root: string;
  targets: string[];
  exitCode: boolean;
  quiet: boolean;
  /** `--baseline`: path of a baseline file as typed (relative to the working directory). */
  baseline?: string;
  /** `--changed-since`: a git revision. */
  changedSince?: string;
  /** `--config`: absolute path of the policy file that applies to every file (no discovery). */
  config?: string;
  /** `--no-policy`: ignore policy files. */
  noPolicy?: boolean;
  /** Highest folder policy discovery walks up to: the working directory when the root is inside it, else the root. */
  policyTop: string;
}

/**
 * Runs `trustline audit`.
 * @param args - Arguments after `audit`.
 * @param context - Process environment.
 * @returns The exit code.
 * @throws {@link UsageError} for invalid arguments or configuration.
 */
export function auditCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('audit', args, OPTIONS);
  if (values.help === true) {
    context.stdout(helpText('audit'));
    return 0;
  }
  const options = resolveAuditOptions(values, positionals, context.cwd);
  const baseline = options.baseline !== undefined ? loadBaselineOption(options.baseline, context.cwd) : undefined;
  const changes = options.changedSince !== undefined ? changesSince(options.root, options.changedSince) : undefined;
  const report = narrowToNew(collectAuditReport(options, context, changes), { baseline, changes });
  if (options.format === 'text' && !options.quiet) {
    const color = shouldUseColor(context.stderrIsTty, context.env);
    for (const notice of report.notices) context.stderr(`${renderNoticeLine(notice, report.root, color)}\n`);
  }
  const rendered = render(report, options.format, options.output === undefined && shouldUseColor(context.stdoutIsTty, context.env));
  if (options.output !== undefined) writeOutput(path.resolve(context.cwd, options.output), rendered);
  else context.stdout(rendered);
  return options.exitCode ? auditExitCode(report) : 0;
}

/**
 * Loads the rules, discovers the files and runs the engine: the audit every command that needs one
 * (`audit`, `baseline`) runs, with a progress line on a terminal.
 * @param options - Validated options.
 * @param context - Process environment.
 * @param changes - With `--changed-since`, only files changed since the revision are analyzed.
 */
export function collectAuditReport(options: AuditOptions, context: CliContext, changes?: ChangeSet): AuditReport {
  const ruleSet = loadRuleSet(options.rulePacks, context.cwd);
  const discovery = discoverFiles({ root: options.root, targets: options.targets });
  const progress = context.stderrIsTty && !options.quiet ? new ProgressLine(context.stderr) : undefined;
  try {
    return runAudit({
      root: options.root,
      files: changes ? discovery.files.filter((file) => changes.hasChanges(file)) : discovery.files,
      rules: ruleSet.rules,
      packs: ruleSet.packs,
      policy: options.noPolicy === true ? undefined : { config: options.config, top: options.policyTop },
      threshold: options.threshold,
      maxFileBytes: options.maxFileBytes,
      notices: [...ruleSet.notices, ...discovery.notices],
      onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
    });
  } finally {
    progress?.clear();
  }
}

/**
 * Validates parsed `audit` arguments and resolves paths.
 * @param values - Parsed option values.
 * @param positionals - Paths to audit as typed.
 * @param cwd - Working directory.
 * @throws {@link UsageError} for invalid values or missing paths.
 */
export function resolveAuditOptions(
  values: OptionValues,
  positionals: string[],
  cwd: string,
): AuditOptions {
  const format = choiceOption('format', stringOption(values, 'format') ?? 'text', AUDIT_FORMATS);
  const threshold = choiceOption('severity', stringOption(values, 'severity') ?? 'info', SEVERITIES);
  const maxFileSize = stringOption(values, 'max-file-size');
  const output = stringOption(values, 'output');
  if (output !== undefined && output.trim() === '') throw new UsageError('--output needs a file path (got an empty string)');
  const baseline = stringOption(values, 'baseline');
  if (baseline !== undefined && baseline.trim() === '') throw new UsageError('--baseline needs a file path (got an empty string)');
  const changedSince = stringOption(values, 'changed-since');
  const config = resolveConfig(stringOption(values, 'config'), cwd);
  if (config !== undefined && values['no-policy'] === true) throw new UsageError('--config and --no-policy exclude each other (expected one of them)');
  const targets = (positionals.length > 0 ? positionals : ['.']).map((p) => {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new UsageError(`path not found: ${p} (expected an existing file or folder to audit)`);
    return abs;
  });
  return {
    format,
    output,
    threshold,
    rulePacks: stringListOption(values, 'rules'),
    maxFileBytes: maxFileSize !== undefined ? parseByteSize('--max-file-size', maxFileSize) : undefined,
    root: resolveRoot(stringOption(values, 'root'), targets, cwd),
    targets,
    exitCode: values['no-exit-code'] !== true,
    quiet: values.quiet === true,
    baseline,
    changedSince,
    config,
    noPolicy: values['no-policy'] === true,
    policyTop: policyTop(resolveRoot(stringOption(values, 'root'), targets, cwd), cwd),
  };
}

function resolveConfig(given: string | undefined, cwd: string): string | undefined {
  if (given === undefined) return undefined;
  const file = path.resolve(cwd, given);
  if (!exists(file) || isDirectory(file)) throw new UsageError(`--config ${given} not found (expected a policy file such as .trustline.yaml or .trustline.json)`);
  if (!/\.(ya?ml|json)$/i.test(file)) throw new UsageError(`--config ${given} is not YAML or JSON (expected a policy file such as .trustline.yaml)`);
  return file;
}

/** Policies are looked for up to the working directory when the audit root is inside it (`trustline audit src`). */
function policyTop(root: string, cwd: string): string {
  return isInside(path.resolve(cwd), root) ? path.resolve(cwd) : root;
}

function resolveRoot(explicit: string | undefined, targets: string[], cwd: string): string {
  if (explicit !== undefined) {
    const root = path.resolve(cwd, explicit);
    if (!isDirectory(root)) throw new UsageError(`--root ${explicit} is not a folder (expected the folder report paths are relative to)`);
    const outside = targets.find((t) => !isInside(root, t));
    if (outside !== undefined) {
      throw new UsageError(`path ${path.relative(cwd, outside) || outside} is outside --root ${explicit} (expected every audited path inside the root)`);
    }
    return root;
  }
  return commonAncestor(targets.map((t) => (isDirectory(t) ? t : path.dirname(t))));
}

function render(report: AuditReport, format: AuditFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    default:
      return renderText(report, { color });
  }
}

function exists(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
