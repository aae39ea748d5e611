import { ts } from '../../ts';
import type { Primitive } from '../compiled';

/** `operator`: a binary expression with one of these operator tokens (`===`, `!=`, `=`, `||`). */
export const operatorPrimitive: Primitive<'operator'> = {
  key: 'operator',
  kinds: () => [ts.SyntaxKind.BinaryExpression],
  compile: (spec) => {
    const ops = new Set(Array.isArray(spec) ? spec : [spec]);
    return (node) => ts.isBinaryExpression(node) && ops.has(ts.tokenToString(node.operatorToken.kind) ?? '');
  },
};
