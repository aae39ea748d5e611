/**
 * `trustline explain <rule-id>`: a rule's metadata and its documentation.
 */
import type { LoadedRule } from '../../engine';
import type { CliContext } from '../cli-context';
import { suggestClosest } from '../edit-distance';
import { helpText } from '../help';
import { genericMessage } from '../message-template';
import { loadRuleSet } from '../load-rule-set';
import { parseCommandArgs, stringListOption, type OptionSpecs } from '../parse-command-args';
import { UsageError } from '../usage-error';
import { builtinRuleDocsUrl } from '../version';

const OPTIONS: OptionSpecs = {
  rules: { type: 'string', short: 'r', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Runs `trustline explain`.
 * @param args - Arguments after `explain`.
 * @param context - Process environment.
 * @returns The exit code.
 * @throws {@link UsageError} for a missing or unknown rule id (with a did-you-mean suggestion).
 */
export function explainCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseCommandArgs('explain', args, OPTIONS);
  if (values.help === true) {
    context.stdout(helpText('explain'));
    return 0;
  }
  const ruleSet = loadRuleSet(stringListOption(values, 'rules'), context.cwd);
  const ids = ruleSet.rules.map((r) => r.id);
  if (positionals.length !== 1) {
    const example = ids[0] ?? '<area>/<rule-name>';
    throw new UsageError(
      `"trustline explain" takes exactly one rule id, got ${positionals.length} (expected e.g. trustline explain ${example})`,
    );
  }
  const id = positionals[0];
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (!rule) {
    const closest = suggestClosest(id, ids);
    const hint = closest !== undefined ? `; did you mean "${closest}"?` : '';
    throw new UsageError(`unknown rule id "${id}"${hint}`, 'Run "trustline rules" to list rule ids.');
  }
  context.stdout(renderExplanation(rule));
  return 0;
}

/**
 * The text `explain` prints: id, title, metadata block, then the docs markdown.
 * @param rule - The rule.
 */
export function renderExplanation(rule: LoadedRule): string {
  const list = (values: readonly string[]): string => (values.length > 0 ? values.join(', ') : '-');
  const meta: [string, string][] = [
    ['category', rule.category],
    ['severity', rule.severity],
    ['confidence', rule.confidence],
    ['CWE', list(rule.tags.cwe)],
    ['ASVS', list(rule.tags.asvs)],
    ['NHI', list(rule.tags.nhi)],
    ['CSF', list(rule.tags.csf)],
    ['frameworks', list(rule.frameworks)],
    ['pack', rule.pack],
  ];
  if (rule.pack === 'trustline') meta.push(['docs', builtinRuleDocsUrl(rule.id)]);
  const width = Math.max(...meta.map(([key]) => key.length));
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    ...meta.map(([key, value]) => `  ${key.padEnd(width)}  ${value}`),
    '',
    genericMessage(rule.message),
    '',
  ];
  const docs = rule.docs.trim();
  if (docs !== '') lines.push(docs, '');
  return lines.join('\n');
}
