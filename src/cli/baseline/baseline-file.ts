/**
 * The baseline file (`trustline baseline`, `audit --baseline`): findings a team accepts for now, keyed by
 * the same line-shift-stable fingerprints SARIF carries. JSON, versioned, sorted and pretty-printed so a
 * committed baseline diffs well. Reading validates against `rules/schema/baseline.schema.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../engine';
import { validateAgainst } from '../../engine/rules/schema-validator';
import { toRelativePath } from '../paths';
import { UsageError } from '../usage-error';
import { TOOL_NAME } from '../version';

/** Version of the baseline format this build reads and writes. */
export const BASELINE_VERSION = 1;

/** One accepted finding. */
export interface BaselineEntry {
  /** `primaryLocationLineHash` of the finding (see reporters/fingerprint). */
  fingerprint: string;
  ruleId: string;
  /** Path relative to the audit root, `/`-separated. */
  file: string;
}

/** A baseline file's content. */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** The tool that wrote it (informational). */
  tool?: string;
  /** Sorted by file, rule id, fingerprint. */
  findings: BaselineEntry[];
}

/**
 * A baseline of the given findings. Suppressed findings are left out: their comment already accounts for
 * them, and when a suppression expires or is removed the finding must come back as new.
 * @param root - Absolute audit root.
 * @param findings - Findings of the audit.
 * @param fingerprints - Their fingerprints, index-aligned.
 */
export function createBaseline(root: string, findings: readonly Finding[], fingerprints: readonly string[]): Baseline {
  const entries: BaselineEntry[] = [];
  findings.forEach((finding, i) => {
    if (finding.suppression) return;
    entries.push({ fingerprint: fingerprints[i]!, ruleId: finding.ruleId, file: toRelativePath(root, finding.file) });
  });
  entries.sort(compareEntries);
  return { version: BASELINE_VERSION, tool: TOOL_NAME, findings: entries };
}

/**
 * The file content of a baseline (2-space JSON, trailing newline).
 * @param baseline - The baseline.
 */
export function serializeBaseline(baseline: Baseline): string {
  const ordered = {
    version: baseline.version,
    tool: baseline.tool ?? TOOL_NAME,
    findings: [...baseline.findings].sort(compareEntries).map((e) => ({ fingerprint: e.fingerprint, ruleId: e.ruleId, file: e.file })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Writes a baseline file, creating its folder.
 * @param file - Absolute path.
 * @param baseline - The baseline.
 * @throws {@link UsageError} when the file cannot be written.
 */
export function writeBaseline(file: string, baseline: Baseline): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serializeBaseline(baseline));
  } catch (error) {
    throw new UsageError(`cannot write baseline ${file} (${errorCode(error)}; expected a writable file path)`);
  }
}

/**
 * Reads and validates a baseline file.
 * @param file - Absolute path.
 * @param shown - The path as the user typed it, for messages.
 * @throws {@link UsageError} naming the file (and JSON pointer) when it is missing, not JSON or invalid.
 */
export function readBaseline(file: string, shown: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    const hint = code === 'ENOENT' ? '; create one with "trustline baseline --output <file>"' : '';
    throw new UsageError(`cannot read baseline ${shown} (${code}; expected a baseline file written by "trustline baseline")${hint}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`baseline ${shown} is not valid JSON (${reason}; expected a file written by "trustline baseline")`);
  }
  if (isObject(data) && typeof data.version === 'number' && data.version > BASELINE_VERSION) {
    throw new UsageError(`baseline ${shown} has format version ${data.version}, newer than this trustline reads (expected version ${BASELINE_VERSION}; upgrade trustline)`);
  }
  const issues = validateAgainst('baseline', data);
  if (issues.length > 0 || !isBaseline(data)) {
    const first = issues[0];
    const where = first && first.pointer !== '' ? ` at ${first.pointer}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new UsageError(`baseline ${shown}${where}: ${first?.message ?? 'is not a baseline'}${more} (expected the format of rules/schema/baseline.schema.json)`);
  }
  return data;
}

/**
 * Reads the baseline named by `--baseline`.
 * @param shown - The option value as typed.
 * @param cwd - Directory it is relative to.
 * @throws {@link UsageError} as {@link readBaseline}.
 */
export function loadBaselineOption(shown: string, cwd: string): { data: Baseline; shown: string; file: string } {
  const file = path.resolve(cwd, shown);
  return { data: readBaseline(file, shown), shown, file };
}

/** Narrows schema-validated data to {@link Baseline} (the schema guarantees the shape; this keeps tsc honest). */
function isBaseline(data: unknown): data is Baseline {
  if (!isObject(data) || data.version !== BASELINE_VERSION || !Array.isArray(data.findings)) return false;
  return data.findings.every((e: unknown) => isObject(e) && typeof e.fingerprint === 'string' && typeof e.ruleId === 'string' && typeof e.file === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
