import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { memberPathOf } from '../node-names';

/** `sameAs`: the node denotes the same thing as an earlier capture (same identifier or member chain). */
export const sameAsPrimitive: Primitive<'sameAs'> = {
  key: 'sameAs',
  late: true,
  compile: (spec) => (node, state) => {
    const other = state.captures.get(spec);
    if (!other) return false;
    if (other === node) return true;
    const a = memberPathOf(node);
    return a !== undefined && a === memberPathOf(other);
  },
};

/** `operator`: a binary expression with one of these operator tokens (`===`, `!=`, `=`, `||`). */
export const operatorPrimitive: Primitive<'operator'> = {
  key: 'operator',
  kinds: () => [ts.SyntaxKind.BinaryExpression],
  compile: (spec) => {
    const ops = new Set(Array.isArray(spec) ? spec : [spec]);
    return (node) => ts.isBinaryExpression(node) && ops.has(ts.tokenToString(node.operatorToken.kind) ?? '');
  },
};

/** `capture`: remembers the matched node under a name (for messages, fixes, `report` and `sameAs`). */
export const capturePrimitive: Primitive<'capture'> = {
  key: 'capture',
  late: true,
  compile: (spec) => (node, state) => {
    state.captures.set(spec, node);
    return true;
  },
};
