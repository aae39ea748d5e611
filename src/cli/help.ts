/**
 * Help texts of the `trustline` command and its subcommands.
 */
import { TRUSTLINE_VERSION } from './version';
import { INIT_HELP } from './commands/init';
import { PACKS_HELP } from './commands/packs';

/** Commands `trustline` understands. */
export const COMMANDS = ['audit', 'rules', 'explain', 'suppressions', 'baseline', 'init', 'packs'] as const;

/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `trustline ${TRUSTLINE_VERSION} - reviews authentication code for risky patterns

Usage:
  trustline audit [paths...] [options]   audit files and folders (default: .)
  trustline rules [--format text|json]   list the rules
  trustline explain <rule-id>            show a rule's documentation and references
  trustline suppressions [paths...]      list inline suppressions: rule, reason, expiry, status, author
  trustline baseline [paths...]          write a baseline of today's findings (for audit --baseline)
  trustline init [folder]                write a commented starter policy (.trustline.yaml), inferred from package.json
  trustline packs <init|test|validate>   scaffold, test and validate rule packs
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
  -c, --config <file>             team policy for every file (default: the nearest .trustline.yaml,
                                  .trustline.yml or .trustline.json above each file, merged with those
                                  above it up to the audit root, or the working folder when it contains
                                  the root)
      --no-policy                 ignore policy files
      --max-file-size <bytes>     skip larger files (accepts 500000, 512k, 2m)
      --root <dir>                folder report paths are relative to (default: the audited folder,
                                  or the common parent of several paths); use --root . in CI so
                                  SARIF paths are relative to the repository
      --no-exit-code              exit 0 even when there are findings (2 still means a usage error)
      --baseline <file>           report only findings not in this baseline (see trustline baseline);
                                  the summary counts the others as "in baseline"
      --changed-since <git-ref>   report only findings on lines added or changed since the revision
                                  (committed, staged, unstaged and untracked files); combines with
                                  --baseline. SARIF still lists the other findings, as unchanged
  -q, --quiet                     no progress and no notices on stderr
  -h, --help                      show this help

Colors: only when stdout is a terminal (or FORCE_COLOR is set); NO_COLOR turns them off.
`;

const SUPPRESSIONS = `Usage: trustline suppressions [paths...] [options]

Lists every inline suppression (trustline-ignore-next-line / trustline-ignore) below the paths, found
as audit finds files: file and line, rule, status, expiry, author and date of the comment (git blame),
and the reason. Status: active (silences a finding), unused (silences nothing), expired (past its
until date; the finding is reported again), or invalid: no-reason, no-rule, unknown-rule, bad-until.

Options:
  -f, --format <table|json|csv>  output format (default: table)
  -o, --output <file>            write to a file instead of stdout
      --strict                   exit 1 when a suppression is unused, expired or invalid
      --no-blame                 do not run git blame (no author and date)
  -r, --rules <path>             also load a rule pack (repeatable)
  -c, --config <file>            team policy for every file (default: nearest .trustline.yaml/.json;
                                 rules from its packs count as known, its ignore globs apply)
      --no-policy                ignore policy files
      --max-file-size <bytes>    skip larger files
      --root <dir>               folder paths are shown relative to
  -q, --quiet                    no notices on stderr
  -h, --help                     show this help
`;

const BASELINE = `Usage: trustline baseline [paths...] [options]

Audits like trustline audit and writes today's unsuppressed findings to a baseline file (JSON, sorted,
meant to be committed). "trustline audit --baseline <file>" then reports only findings that are not in
it. Findings are matched by fingerprint (rule, file path and code, not line numbers), so moving code
does not make a finding new; editing the flagged code, or renaming its file, does. Run baseline and
audit with the same paths (or the same --root): paths in the baseline are relative to the root.

Options:
  -o, --output <file>          baseline file to write (default: trustline-baseline.json; - for stdout)
  -r, --rules <path>           also load a rule pack (repeatable)
  -c, --config <file>          team policy for every file (default: as audit, the nearest policy file)
      --no-policy              ignore policy files
      --max-file-size <bytes>  skip larger files
      --root <dir>             folder paths are relative to
  -q, --quiet                  no notices or summary on stderr
  -h, --help                   show this help
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
    case 'suppressions':
      return SUPPRESSIONS;
    case 'baseline':
      return BASELINE;
    case 'init':
      return INIT_HELP;
    case 'packs':
      return PACKS_HELP;
    default:
      return GENERAL;
  }
}
