import type { ts } from '../ts';

/** Memo tables holding something (a table joins when its first entry is set): hundreds exist, few fill per file. */
let used: Array<NodeMemo<unknown>> = [];

/**
 * Forgets every memoized fact: called when a file starts and when it ends, so no memo keeps a finished
 * file's syntax tree alive, and none returns a stale answer for node objects the incremental parser reuses.
 */
export function releaseNodeMemos(): void {
  if (used.length === 0) return;
  const list = used;
  used = [];
  for (const memo of list) memo.clear();
}

/**
 * A memo table for facts about nodes of the file being analyzed, shared by every rule. A plain Map (cheaper
 * than a WeakMap, no ephemeron work for the GC) that {@link releaseNodeMemos} empties between files.
 */
export class NodeMemo<V> {
  private readonly map = new Map<ts.Node, V>();

  /** The remembered value, or undefined. */
  get(node: ts.Node): V | undefined {
    return this.map.get(node);
  }

  /** Remembers a value. */
  set(node: ts.Node, value: V): void {
    if (this.map.size === 0) used.push(this as NodeMemo<unknown>);
    this.map.set(node, value);
  }

  /** Forgets everything. */
  clear(): void {
    if (this.map.size > 0) this.map.clear();
  }
}
