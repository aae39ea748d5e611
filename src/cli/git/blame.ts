/**
 * Who wrote a line, from `git blame --porcelain`: one git process per file for any number of lines
 * (`-L n,n` repeated). Outside a repository, for untracked files or without git, the answer says why
 * instead of failing, so callers can degrade gracefully. Line contents are read past, never kept.
 */
import path from 'node:path';
import { gitErrorLine, runGit } from './run-git';

/** Authorship of one line. */
export interface BlameLine {
  /** 1-based line in the working-tree file. */
  line: number;
  /** Full commit id; `undefined` when the line is not committed yet. */
  commit?: string;
  author?: string;
  /** Author e-mail without the angle brackets. */
  email?: string;
  /** Author date (YYYY-MM-DD) in the author's own time zone. */
  date?: string;
}

/** Result of {@link blameLines}. */
export type BlameOutcome =
  | { kind: 'ok'; lines: Map<number, BlameLine> }
  /** No authorship: `missing` (no git), `outside-repo`, `untracked` (file not committed), `failed` (other). */
  | { kind: 'unavailable'; reason: 'missing' | 'outside-repo' | 'untracked' | 'failed'; message: string };

const ZERO_COMMIT = /^0{40}$/;

/**
 * Blames the given lines of a file (lines beyond the end are left out).
 * @param file - Absolute path of a file in the working tree.
 * @param lines - 1-based line numbers.
 */
export function blameLines(file: string, lines: readonly number[]): BlameOutcome {
  const wanted = [...new Set(lines)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  if (wanted.length === 0) return { kind: 'ok', lines: new Map() };
  const args = ['blame', '--porcelain'];
  for (const n of wanted) args.push('-L', `${n},${n}`);
  args.push('--', path.basename(file));
  const result = runGit(path.dirname(file), args);
  if (result.kind === 'missing') return { kind: 'unavailable', reason: 'missing', message: result.message };
  if (result.kind === 'failed') {
    const message = gitErrorLine(result.stderr);
    if (/not a git repository/i.test(message)) return { kind: 'unavailable', reason: 'outside-repo', message };
    if (/no such path|does not have any commits|bad revision 'HEAD'/i.test(message)) return { kind: 'unavailable', reason: 'untracked', message };
    return { kind: 'unavailable', reason: 'failed', message };
  }
  return { kind: 'ok', lines: parseBlamePorcelain(result.stdout) };
}

interface CommitInfo {
  author?: string;
  email?: string;
  time?: number;
  tz?: string;
}

/**
 * Parses `git blame --porcelain` output into authorship per final line number. Commit headers appear only
 * the first time a commit is mentioned; later groups reuse them.
 * @param output - The porcelain output.
 */
export function parseBlamePorcelain(output: string): Map<number, BlameLine> {
  const commits = new Map<string, CommitInfo>();
  const out = new Map<number, BlameLine>();
  let current: { sha: string; finalLine: number; count: number } | undefined;
  for (const raw of output.split('\n')) {
    if (raw.startsWith('\t')) {
      if (current) {
        record(out, commits, current.sha, current.finalLine);
        current = undefined;
      }
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: (\d+))?$/.exec(raw);
    if (header) {
      current = { sha: header[1]!, finalLine: Number(header[2]), count: Number(header[3] ?? 1) };
      if (!commits.has(current.sha)) commits.set(current.sha, {});
      continue;
    }
    if (!current) continue;
    const info = commits.get(current.sha)!;
    const space = raw.indexOf(' ');
    const key = space < 0 ? raw : raw.slice(0, space);
    const value = space < 0 ? '' : raw.slice(space + 1);
    if (key === 'author') info.author = value;
    else if (key === 'author-mail') info.email = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') info.time = Number(value);
    else if (key === 'author-tz') info.tz = value;
  }
  return out;
}

function record(out: Map<number, BlameLine>, commits: Map<string, CommitInfo>, sha: string, line: number): void {
  if (ZERO_COMMIT.test(sha)) {
    out.set(line, { line });
    return;
  }
  const info = commits.get(sha) ?? {};
  const entry: BlameLine = { line, commit: sha };
  if (info.author !== undefined) entry.author = info.author;
  if (info.email !== undefined && info.email !== '') entry.email = info.email;
  if (info.time !== undefined && Number.isFinite(info.time)) entry.date = localDate(info.time, info.tz);
  out.set(line, entry);
}

/** The calendar date of a unix time in a git time zone offset (`+0130`, `-0800`). */
function localDate(seconds: number, tz: string | undefined): string {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(tz ?? '');
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return new Date((seconds + offset) * 1000).toISOString().slice(0, 10);
}
