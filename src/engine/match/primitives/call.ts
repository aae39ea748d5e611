import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { calleeMethodName } from '../callee-keys';
import { toList } from '../to-list';


/** Builds an identity matcher; `module#*` matches every export of a module, `module#a.*` every member below `a`. */
export function identityMatcher(identities: string[]): (identity: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const id of identities) {
    const normalized = id.startsWith('node:') ? id.slice(5) : id;
    if (normalized.endsWith('*')) prefixes.push(normalized.slice(0, -1));
    else exact.add(normalized);
  }
  return (identity) => exact.has(identity) || prefixes.some((p) => identity.startsWith(p));
}

/**
 * `call`: the node is a call or `new` expression whose callee resolves (through imports, requires and aliases)
 * to one of `callee`, or is a method call named one of `method` whose receiver matches `receiver`.
 */
export const callPrimitive: Primitive<'call'> = {
  key: 'call',
  kinds: (spec) =>
    spec.isNew === true ? [ts.SyntaxKind.NewExpression] : spec.isNew === false ? [ts.SyntaxKind.CallExpression] : [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression],
  compile: (spec, sub, where) => {
    const callees = toList(spec.callee);
    const matchesIdentity = callees.length > 0 ? identityMatcher(callees) : undefined;
    const methods = new Set(toList(spec.method));
    const receiver = spec.receiver ? sub(spec.receiver, `${where}/receiver`).test : undefined;
    return (node, state) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
      if (spec.isNew === true && !ts.isNewExpression(node)) return false;
      if (spec.isNew === false && !ts.isCallExpression(node)) return false;
      const callee = node.expression;
      if (matchesIdentity) {
        const identity = state.ctx.bindings.identityOf(callee);
        if (identity !== undefined && matchesIdentity(identity)) return true;
      }
      if (methods.size > 0) {
        const name = calleeMethodName(node);
        if (name === undefined || !methods.has(name)) return false;
        if (!receiver) return true;
        const recv = (callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression;
        return receiver(recv, state);
      }
      return false;
    };
  },
};
