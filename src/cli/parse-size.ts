/**
 * Parses byte sizes given on the command line (`--max-file-size`).
 */
import { UsageError } from './usage-error';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

/**
 * Parses `500000`, `512k`, `512kb`, `2m` or `2mb` (binary units, case-insensitive) into bytes.
 * @param option - Option name for the error message, e.g. `--max-file-size`.
 * @param value - The raw value.
 * @throws {@link UsageError} when the value is not a positive size.
 */
export function parseByteSize(option: string, value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new UsageError(`${option} "${value}" is not a size (expected bytes such as 1000000, 512k or 2m)`);
  }
  const bytes = Number(match[1]) * unit;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UsageError(`${option} must be greater than 0 (got "${value}")`);
  }
  return bytes;
}
