import type { FileContext } from '../context/file-context';
import type { ts } from '../ts';
import type { CalleeKeys } from './callee-keys';
import type { Pattern } from './pattern-types';
import type { RuleSettings } from '../policy/rule-settings';

/** Read access to captured nodes (messages and fixes use it). */
export interface CaptureReader {
  get(name: string): ts.Node | undefined;
}

/**
 * Nodes captured during one match attempt: a stack of (name, node) pairs where the latest entry of a name
 * wins. Rolling back a failed branch truncates the stack, so matching allocates nothing per node.
 */
export class Captures implements CaptureReader {
  private names: string[] = [];
  private nodes: ts.Node[] = [];

  /** Number of entries (0 when nothing is captured). */
  get size(): number {
    return this.names.length;
  }

  get(name: string): ts.Node | undefined {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i] === name) return this.nodes[i];
    return undefined;
  }

  set(name: string, node: ts.Node): void {
    this.names.push(name);
    this.nodes.push(node);
  }

  /** A point to roll back to. */
  mark(): number {
    return this.names.length;
  }

  /** Forgets everything captured since `mark`. */
  rollback(mark: number): void {
    if (this.names.length > mark) {
      this.names.length = mark;
      this.nodes.length = mark;
    }
  }

  clear(): void {
    this.rollback(0);
  }

  /** The current capture of each name. */
  entries(): Array<[string, ts.Node]> {
    const out = new Map<string, ts.Node>();
    for (let i = 0; i < this.names.length; i++) out.set(this.names[i]!, this.nodes[i]!);
    return [...out];
  }
}

/** Mutable state of one match attempt: the file and the nodes captured so far. */
export interface MatchState {
  ctx: FileContext;
  captures: Captures;
  /** Policy values the current rule may read (`value.durationOver` limits); absent without a policy. */
  settings?: RuleSettings;
}

/** A compiled test on one node. */
export type NodeTest = (node: ts.Node, state: MatchState) => boolean;

/**
 * A compiled pattern: its test and, when known, the only syntax kinds it can match and the callees a call must
 * have to pass it (see callee-keys.ts).
 */
export interface Compiled {
  test: NodeTest;
  kinds?: ReadonlySet<ts.SyntaxKind>;
  callees?: CalleeKeys;
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

/** Runs `test` on `node` and rolls captures back when it fails, so failed branches leave no captures behind. */
export function testWithRollback(test: NodeTest, node: ts.Node, state: MatchState): boolean {
  const mark = state.captures.mark();
  if (test(node, state)) return true;
  state.captures.rollback(mark);
  return false;
}

/** Runs `test` and discards whatever it captured (for `not`). */
export function testDiscardingCaptures(test: NodeTest, node: ts.Node, state: MatchState): boolean {
  const mark = state.captures.mark();
  const ok = test(node, state);
  state.captures.rollback(mark);
  return ok;
}
