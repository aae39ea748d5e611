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
