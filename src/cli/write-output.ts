/**
 * Writes a command's `--output` file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage-error';

/**
 * Writes `content` to `file`, creating its folder.
 * @param file - Absolute path given with `--output`.
 * @param content - What to write.
 * @throws {@link UsageError} saying which file could not be written and why.
 */
export function writeOutput(file: string, content: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot write --output ${file} (${reason}; expected a writable file path)`);
  }
}
