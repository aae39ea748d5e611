/**
 * Parses the output of `git diff --unified=0` into the lines each file gained or changed. Only new-side
 * information is kept: which lines of the current file were added or rewritten, and after which lines
 * something was deleted. Renamed files are keyed by their new path; deleted files are left out.
 */

/** What changed in one file, in current (new-side) line numbers. */
export interface FileLineChanges {
  /** 1-based lines added or rewritten. */
  added: Set<number>;
  /** Lines after which old lines were deleted (0 = at the top of the file). */
  deletedAfter: Set<number>;
  /** The path before a rename, when the file was renamed. */
  renamedFrom?: string;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Changes per new-side path (relative to the repository root, `/`-separated).
 * @param diff - `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/` output.
 */
export function parseUnifiedDiff(diff: string): Map<string, FileLineChanges> {
  const files = new Map<string, FileLineChanges>();
  let current: FileLineChanges | undefined;
  let renamedFrom: string | undefined;
  let inHeader = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      renamedFrom = undefined;
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (line.startsWith('rename from ')) {
        renamedFrom = unquote(line.slice('rename from '.length));
      } else if (line.startsWith('+++ ')) {
        const target = line.slice(4);
        const newPath = target === '/dev/null' ? undefined : stripPrefix(unquote(target), 'b/');
        if (newPath !== undefined) {
          current = files.get(newPath) ?? { added: new Set(), deletedAfter: new Set() };
          if (renamedFrom !== undefined) current.renamedFrom = renamedFrom;
          files.set(newPath, current);
        }
        inHeader = false;
      } else if (line.startsWith('rename to ')) {
        // A pure rename has no ---/+++ lines: the file exists under its new name with no changed lines.
        const newPath = unquote(line.slice('rename to '.length));
        current = files.get(newPath) ?? { added: new Set(), deletedAfter: new Set() };
        if (renamedFrom !== undefined) current.renamedFrom = renamedFrom;
        files.set(newPath, current);
      }
      if (!line.startsWith('@@')) continue;
      inHeader = false;
    }
    const hunk = HUNK.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count === 0) current.deletedAfter.add(start);
      else for (let n = start; n < start + count; n++) current.added.add(n);
    }
  }
  return files;
}

function stripPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/**
 * Undoes git's C-style quoting of unusual paths (`"a/t\303\251st.ts"`); unquoted text is returned as is.
 * Octal escapes are bytes of UTF-8.
 * @param text - A path as git prints it.
 */
export function unquote(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(ESCAPES[next] ?? next, 'utf8'));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
