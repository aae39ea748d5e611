/**
 * Help texts of the `trustline` command and its subcommands.
 */
import { TRUSTLINE_VERSION } from './version';

/** Commands `trustline` understands. */
export const COMMANDS = ['audit', 'rules', 'explain'] as const;

/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `trustline ${TRUSTLINE_VERSION} - reviews authentication code for risky patterns

Usage:
  trustline audit [paths...] [options]   audit files and folders (default: .)
  trustline rules [--format text|json]   list the rules
  trustline explain <rule-id>            show a rule's documentation and references
  trustline <command> --help             options of a command
  trustline --version                    print the version

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error.
`;

const AUDIT = `Usage: trustline audit [paths...] [options]

Audits the JavaScript and TypeScript files (.ts .tsx .mts .cts .js .jsx .mjs .cjs) below each path
(default: the current folder). Honours .gitignore files; always skips node_modules, dist, build,
coverage, .git, out, .next, *.min.js and .d.ts files; never follows symbolic links out of the root.

Options:
  -f, --format <text|json|sarif>  report format (default: text)
  -o, --output <file>             write the report to a file instead of stdout
  -s, --severity <level>          report findings at or above error, warning or info (default: info);
                                  exit code 1 when an unsuppressed finding is reported
  -r, --rules <path>              also load a rule pack (repeatable)
      --max-file-size <bytes>     skip larger files (accepts 500000, 512k, 2m)
      --root <dir>                folder report paths are relative to (default: the audited folder,
                                  or the common parent of several paths); use --root . in CI so
                                  SARIF paths are relative to the repository
      --no-exit-code              exit 0 even when there are findings (2 still means a usage error)
  -q, --quiet                     no progress and no notices on stderr
  -h, --help                      show this help

Colors: only when stdout is a terminal (or FORCE_COLOR is set); NO_COLOR turns them off.
`;

const RULES = `Usage: trustline rules [options]

Lists the rules that an audit runs.

Options:
  -f, --format <text|json>  output format (default: text); json prints an array of
                            {id, category, severity, confidence, title}
  -r, --rules <path>        also load a rule pack (repeatable)
  -h, --help                show this help
`;

const EXPLAIN = `Usage: trustline explain <rule-id> [options]

Prints a rule's documentation (why it matters, bad and good examples, how to fix) and its metadata:
category, severity, confidence, CWE, OWASP ASVS, OWASP NHI and NIST CSF references.

Options:
  -r, --rules <path>  also load a rule pack (repeatable)
  -h, --help          show this help
`;

/**
 * Help text of a command, or the general help.
 * @param command - Command name; omit for the general help.
 */
export function helpText(command?: CommandName): string {
  switch (command) {
    case 'audit':
      return AUDIT;
    case 'rules':
      return RULES;
    case 'explain':
      return EXPLAIN;
    default:
      return GENERAL;
  }
}
