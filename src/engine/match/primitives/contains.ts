import { isFunctionScope } from '../../context/file-index';
import { callsIn } from '../../context/index-views';
import { NodeMemo } from '../../context/node-memo';
import { ts } from '../../ts';
import { testDiscardingCaptures, type MatchState, type NodeTest, type Primitive } from '../compiled';
import { readsCaptures } from '../pattern-cost';
import { someDescendant } from '../some-descendant';

const K = ts.SyntaxKind;

/** The node whose descendants `contains` searches: the node itself, its function, its class or its file. */
function containerOf(node: ts.Node, within: string, state: MatchState): ts.Node | undefined {
  switch (within) {
    case 'file':
      return state.ctx.sourceFile;
    case 'function':
      for (let p = node.parent; p; p = p.parent) if (isFunctionScope(p)) return p;
      return state.ctx.sourceFile;
    case 'class':
      for (let p = node.parent; p; p = p.parent) if (ts.isClassLike(p)) return p;
      return undefined;
    default:
      return node;
  }
}

/**
 * `contains`: some node below the node (`within: node`, the default), or anywhere in its enclosing function
 * (`function`, the file at top level), class (`class`) or file (`file`), matches the pattern. Captures made
 * inside do not escape; `sameAs` inside may read the outer ones. In a function, class or file, sub-patterns that only
 * look at calls are answered from the walk's call list (in a file, only the calls with the callees the pattern
 * requires, see callee-keys.ts; in a function or class, the slice of calls inside it); the answer is remembered
 * per container unless the pattern reads captures.
 */
export const containsPrimitive: Primitive<'contains'> = {
  key: 'contains',
  compile: (spec, sub, where) => {
    const { within = 'node', ...rest } = spec;
    const inner = sub(rest, where);
    const test: NodeTest = inner.test;
    const callsOnly = inner.kinds !== undefined && [...inner.kinds].every((k) => k === K.CallExpression || k === K.NewExpression);
    const memo = readsCaptures(rest) ? undefined : new NodeMemo<boolean>();

    const search = (container: ts.Node, state: MatchState): boolean => {
      // A function, class or file: the call index (one pass over a flat list) beats walking the subtree; below
      // a single node, the subtree is small and walking it is cheaper than scanning every call of the file.
      if (callsOnly && within !== 'node') {
        if (ts.isSourceFile(container)) {
          // The whole file: only the calls with the callees the pattern requires.
          const calls = inner.callees ? state.ctx.callIndex.candidates(inner.callees) : state.ctx.index.calls;
          for (const call of calls) if (testDiscardingCaptures(test, call, state)) return true;
          return false;
        }
        // A function or class: the calls inside it, a slice of the walk-ordered call list.
        for (const call of callsIn(state.ctx.index, container)) {
          if (testDiscardingCaptures(test, call, state)) return true;
        }
        return false;
      }
      return someDescendant(container, test, state);
    };

    return (node, state) => {
      const container = containerOf(node, within, state);
      if (!container) return false;
      if (!memo) return search(container, state);
      let answer = memo.get(container);
      if (answer === undefined) {
        answer = search(container, state);
        memo.set(container, answer);
      }
      return answer;
    };
  },
};
