/**
 * Messages between the extension host and the audit worker (dist/audit-worker.js). Plain data only: it
 * crosses a worker_threads boundary (structured clone). Nothing here imports `vscode`.
 */
import type { Finding, Notice, Severity } from '../engine';

/** What the worker is asked to audit (its `workerData`). */
export interface AuditRequest {
  /** Absolute workspace folders; each is walked on its own (its .gitignore files apply). */
  roots: string[];
  /** Absolute rule packs to load besides the built-in rules (already filtered for workspace trust). */
  packs: string[];
  severity: Record<string, Severity | 'off'>;
  /** `trustline.exclude` globs, relative to each root. */
  exclude: string[];
  /** Fix routing, so findings carry the same fixes as in the editor. */
  routing: { identityProvider?: string; secretStore?: string };
  /**
   * Workspace trust: team policies (`.trustline.*` in each root, nested ones for their subtrees) always apply;
   * the packs they extend load only when trusted.
   */
  trusted?: boolean;
  /** Minimum delay between two progress messages (default 50 ms). */
  progressIntervalMs?: number;
}

export type WorkerMessage =
  | { type: 'discovered'; total: number; notices: Notice[] }
  | { type: 'progress'; done: number; total: number; findings: Finding[]; notices: Notice[]; analyzed: string[]; skipped: number }
  | { type: 'done'; done: number; total: number; findings: Finding[]; notices: Notice[]; analyzed: string[]; skipped: number; ms: number }
  | { type: 'error'; message: string };
