import type { Primitive } from '../compiled';

/** `all`: every sub-pattern matches the node. */
export const allPrimitive: Primitive<'all'> = {
  key: 'all',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    const n = tests.length;
    return (node, state) => {
      for (let i = 0; i < n; i++) if (!tests[i]!(node, state)) return false;
      return true;
    };
  },
};
