import type { Primitive } from '../compiled';

/** `capture`: remembers the matched node under a name (for messages, fixes, `report` and `sameAs`). */
export const capturePrimitive: Primitive<'capture'> = {
  key: 'capture',
  late: true,
  compile: (spec) => (node, state) => {
    state.captures.set(spec, node);
    return true;
  },
};
