import { calleeDefinition, returnedExpressions } from '../../flow/callee-definition';
import { ts } from '../../ts';
import { someDescendant } from '../some-descendant';
import { testDiscardingCaptures, type MatchState, type NodeTest } from '../compiled';

import type { Primitive } from '../compiled';

/** Runs `test` on nodes of the called function's file, then restores the analyzed file's context. */
function inFileOf(ctx: MatchState['ctx'], state: MatchState, run: () => boolean): boolean {
  const home = state.ctx;
  state.ctx = ctx;
  try {
    return run();
  } finally {
    state.ctx = home;
  }
}

/** Some node inside `fn`'s body (nested callbacks included) satisfies `test`. */
function bodyContains(fn: ts.SignatureDeclaration, test: NodeTest, state: MatchState): boolean {
  const body = 'body' in fn ? fn.body : undefined;
  return body !== undefined && (testDiscardingCaptures(test, body, state) || someDescendant(body, test, state));
}

/**
 * `definition`: facts about the function a call invokes — defined in the same file, a method of the enclosing
 * class, or (in audits) exported by a relatively imported module, one hop away. `contains` holds when some node
 * of its body matches; `returns` when some returned expression does. What the helper does counts at the call.
 */
export const definitionPrimitive: Primitive<'definition'> = {
  key: 'definition',
  kinds: () => [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression],
  compile: (spec, sub, where) => {
    const contains = spec.contains ? sub(spec.contains, `${where}/contains`).test : undefined;
    const returns = spec.returns ? sub(spec.returns, `${where}/returns`).test : undefined;
    return (node, state) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
      const def = calleeDefinition(node, state.ctx);
      if (!def) return false;
      return inFileOf(def.ctx, state, () => {
        if (contains && !bodyContains(def.fn, contains, state)) return false;
        if (returns && !returnedExpressions(def.fn).some((r) => testDiscardingCaptures(returns, r, state))) return false;
        return true;
      });
    };
  },
};
