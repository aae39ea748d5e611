/**
 * Notice messages as reporters print them. Engine messages often name their file by absolute path
 * (`skipped /home/me/app/big.ts: ...`); reporters show it relative to the audit root instead, so reports
 * are portable, expand a leading base name (`rule.yaml:4: ...`) to that path, and do not print a
 * location prefix the message already contains.
 */
import path from 'node:path';
import type { Notice } from '../../engine';
import { toDisplayPath } from '../paths';

/**
 * The message with the notice's absolute file path shown relative to `root`, and its JSON pointer
 * appended unless the message mentions it already.
 * @param notice - A notice.
 * @param root - Absolute audit root.
 */
export function noticeMessage(notice: Notice, root: string): string {
  let message = notice.message;
  if (notice.file !== undefined && path.isAbsolute(notice.file)) {
    const shown = toDisplayPath(root, notice.file) || '.';
    message = message.split(notice.file).join(shown);
    // `rule.yaml:4 at /severity: ...` names the file by base name only; say which one.
    const base = path.basename(notice.file);
    if (message.startsWith(base) && /^[:\s]/.test(message.slice(base.length)) && !message.startsWith(shown)) {
      message = shown + message.slice(base.length);
    }
  }
  if (notice.pointer !== undefined && notice.pointer !== '' && !message.includes(notice.pointer)) {
    message = `${message} (at ${notice.pointer})`;
  }
  return message;
}

/**
 * `true` when the message (as {@link noticeMessage} renders it) already names the notice's file, so a
 * location prefix would repeat it.
 * @param notice - A notice.
 * @param root - Absolute audit root.
 */
export function messageNamesFile(notice: Notice, root: string): boolean {
  if (notice.file === undefined) return false;
  const message = noticeMessage(notice, root);
  return message.includes(toDisplayPath(root, notice.file) || '.');
}
