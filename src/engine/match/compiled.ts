import type { FileContext } from '../context/file-context';
import type { ts } from '../ts';
import type { Pattern } from './pattern-types';

/** Mutable state of one match attempt: the file and the nodes captured so far. */
export interface MatchState {
  ctx: FileContext;
  captures: Map<string, ts.Node>;
}

/** A compiled test on one node. */
export type NodeTest = (node: ts.Node, state: MatchState) => boolean;

/** A compiled pattern: its test and, when known, the only syntax kinds it can match. */
export interface Compiled {
  test: NodeTest;
  kinds?: ReadonlySet<ts.SyntaxKind>;
}

/** Compiles a nested pattern (passed to primitives so they can hold sub-patterns). */
export type CompileSub = (pattern: Pattern, where: string) => Compiled;

/** A matcher primitive: one key of the rule vocabulary. */
export interface Primitive<K extends keyof Pattern> {
  key: K;
  /** The syntax kinds the node must have when this key is present (feeds the dispatch table). */
  kinds?: (spec: NonNullable<Pattern[K]>) => ts.SyntaxKind[] | undefined;
  /** Builds the node test. `where` is the JSON pointer of the spec, for error messages. */
  compile: (spec: NonNullable<Pattern[K]>, sub: CompileSub, where: string) => NodeTest;
  /** Primitives with `late` run after the others of the same pattern (captures, cross-references). */
  late?: boolean;
}

/** Thrown when a pattern cannot be compiled; carries the JSON pointer of the offending spec. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

/**
 * Runs `test` on `node` and rolls captures back when it fails, so failed branches leave no captures behind.
 * The common case (no captures yet, or a failing test that captured nothing) allocates nothing.
 */
export function testWithRollback(test: NodeTest, node: ts.Node, state: MatchState): boolean {
  const captures = state.captures;
  if (captures.size === 0) {
    if (test(node, state)) return true;
    if (captures.size > 0) captures.clear();
    return false;
  }
  const saved = new Map(captures);
  if (test(node, state)) return true;
  captures.clear();
  for (const [k, v] of saved) captures.set(k, v);
  return false;
}

/** Runs `test` and discards whatever it captured (for `not`). */
export function testDiscardingCaptures(test: NodeTest, node: ts.Node, state: MatchState): boolean {
  const captures = state.captures;
  if (captures.size === 0) {
    const ok = test(node, state);
    if (captures.size > 0) captures.clear();
    return ok;
  }
  const saved = new Map(captures);
  const ok = test(node, state);
  captures.clear();
  for (const [k, v] of saved) captures.set(k, v);
  return ok;
}
