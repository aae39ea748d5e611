/**
 * Dispatches `trustline <command>` and maps errors to exit codes: usage and configuration errors print
 * one line (plus an optional hint) and exit 2; so do unexpected internal errors.
 */
import type { CliContext } from './cli-context';
import { auditCommand } from './commands/audit';
import { baselineCommand } from './commands/baseline';
import { explainCommand } from './commands/explain';
import { initCommand } from './commands/init';
import { packsCommand } from './commands/packs';
import { rulesCommand } from './commands/rules';
import { suppressionsCommand } from './commands/suppressions';
import { suggestClosest } from './edit-distance';
import { COMMANDS, helpText, type CommandName } from './help';
import { UsageError, USAGE_EXIT_CODE } from './usage-error';
import { TRUSTLINE_VERSION } from './version';

const HANDLERS: Record<CommandName, (args: string[], context: CliContext) => number> = {
  audit: auditCommand,
  rules: rulesCommand,
  explain: explainCommand,
  suppressions: suppressionsCommand,
  baseline: baselineCommand,
  init: initCommand,
  packs: packsCommand,
};

/**
 * Runs the CLI.
 * @param argv - Arguments after the executable (`process.argv.slice(2)`).
 * @param context - Process environment.
 * @returns The exit code (0, 1 or 2).
 */
export function runCli(argv: string[], context: CliContext): number {
  try {
    return dispatch(argv, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`trustline: ${error.message}\n`);
      if (error.hint !== undefined) context.stderr(`${error.hint}\n`);
      return USAGE_EXIT_CODE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.stderr(`trustline: internal error (please report it): ${detail}\n`);
    return USAGE_EXIT_CODE;
  }
}

function dispatch(argv: string[], context: CliContext): number {
  const [first, ...rest] = argv;
  if (first === undefined) {
    context.stderr(helpText());
    return USAGE_EXIT_CODE;
  }
  if (first === '--help' || first === '-h') {
    context.stdout(helpText());
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    context.stdout(helpText(topic));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    context.stdout(`${TRUSTLINE_VERSION}\n`);
    return 0;
  }
  if (!isCommand(first)) throw unknownCommand(first);
  return HANDLERS[first](rest, context);
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function unknownCommand(name: string): UsageError {
  if (name.startsWith('-')) {
    return new UsageError(
      `expected a command before ${name} (one of ${COMMANDS.join(', ')})`,
      'Run "trustline --help" for usage, e.g. trustline audit . --format sarif',
    );
  }
  const closest = suggestClosest(name, COMMANDS);
  const hint = closest !== undefined ? `; did you mean "${closest}"?` : '';
  return new UsageError(`unknown command "${name}" (expected one of ${COMMANDS.join(', ')})${hint}`, 'Run "trustline --help" for usage.');
}
