import { ts } from '../../ts';
import { testWithRollback, type NodeTest, type Primitive } from '../compiled';
import type { ArgSpec } from '../pattern-types';

/** The argument list of a call/new node, or undefined for other nodes. */
export function argumentsOf(node: ts.Node): readonly ts.Expression[] | undefined {
  if (ts.isCallExpression(node)) return node.arguments;
  if (ts.isNewExpression(node)) return node.arguments ?? [];
  if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) return node.expression.arguments;
  return undefined;
}

/** The argument at `index` (negative counts from the end). */
export function argumentAt(args: readonly ts.Expression[], index: number): ts.Expression | undefined {
  return args[index < 0 ? args.length + index : index];
}

/** `arg`: the call's argument at `index` (or, with `index: any`, some argument) matches a pattern, or is `absent`. */
export const argPrimitive: Primitive<'arg'> = {
  key: 'arg',
  compile: (spec, sub, where) => {
    const specs: ArgSpec[] = Array.isArray(spec) ? spec : [spec];
    const tests: NodeTest[] = specs.map((s, i) => {
      const { index, absent, ...rest } = s;
      const at = Array.isArray(spec) ? `${where}/${i}` : where;
      const inner = Object.keys(rest).length > 0 ? sub(rest, at).test : undefined;
      if (index === 'any') {
        // Some argument matches (`console.log('issued', token)`): each is tried with its own capture rollback.
        return (node, state) => {
          const args = argumentsOf(node);
          if (!args || args.length === 0) return absent === true;
          if (absent === true) return false;
          return !inner || args.some((a) => testWithRollback(inner, a, state));
        };
      }
      return (node, state) => {
        const args = argumentsOf(node);
        if (!args) return false;
        const arg = argumentAt(args, index);
        if (absent === true) return arg === undefined;
        if (!arg) return false;
        if (absent === false && !inner) return true;
        return inner ? inner(arg, state) : true;
      };
    });
    return (node, state) => tests.every((t) => t(node, state));
  },
};
