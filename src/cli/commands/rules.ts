/**
 * `trustline rules`: lists the rules an audit runs, as a table or as JSON.
 */
import type { LoadedRule } from '../../engine';
import { shouldUseColor } from '../ansi';
import type { CliContext } from '../cli-context';
import { helpText } from '../help';
import { loadRuleSet } from '../load-rule-set';
import { choiceOption, parseCommandArgs, stringListOption, stringOption, type OptionSpecs } from '../parse-command-args';
import { renderNoticeLine } from '../reporters/text';
import { UsageError } from '../usage-error';

const OPTIONS: OptionSpecs = {
  format: { type: 'string', short: 'f' },
  rules: { type: 'string', short: 'r', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

/** One entry of `trustline rules --format json`. */
export interface RuleListEntry {
  id: string;
  category: string;
  severity: string;
  confidence: string;
  title: string;
}

/**
 * Runs `trustline rules`.
 * @param args - Arguments after `rules`.
 * @param context - Process environment.
 * @returns The exit code.
 * @throws {@link UsageError} for invalid arguments or packs.
 */
export function rulesCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('rules', args, OPTIONS);
  if (values.help === true) {
    context.stdout(helpText('rules'));
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument for "trustline rules": ${positionals[0]} (expected only options)`);
  }
  const format = choiceOption('format', stringOption(values, 'format') ?? 'text', ['text', 'json'] as const);
  const ruleSet = loadRuleSet(stringListOption(values, 'rules'), context.cwd);
  const color = shouldUseColor(context.stderrIsTty, context.env);
  for (const notice of ruleSet.notices) context.stderr(`${renderNoticeLine(notice, context.cwd, color)}\n`);
  const rules = [...ruleSet.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  context.stdout(format === 'json' ? `${JSON.stringify(rules.map(toEntry), null, 2)}\n` : renderTable(rules));
  return 0;
}

function toEntry(rule: LoadedRule): RuleListEntry {
  return { id: rule.id, category: rule.category, severity: rule.severity, confidence: rule.confidence, title: rule.title };
}

function renderTable(rules: LoadedRule[]): string {
  const header = ['ID', 'SEVERITY', 'CONFIDENCE', 'CATEGORY', 'TITLE'];
  const rows = rules.map((r) => [r.id, r.severity, r.confidence, r.category, r.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const lines = [format(header), ...rows.map(format), '', `${rules.length} rule${rules.length === 1 ? '' : 's'}`];
  return `${lines.join('\n')}\n`;
}
