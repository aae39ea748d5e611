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

/** Runs `fn` and rolls captures back when it fails, so failed branches leave no captures behind. */
export function tryWithRollback(state: MatchState, fn: () => boolean): boolean {
  const saved = state.captures.size === 0 ? undefined : new Map(state.captures);
  const ok = fn();
  if (!ok) {
    state.captures.clear();
    if (saved) for (const [k, v] of saved) state.captures.set(k, v);
  }
  return ok;
}
