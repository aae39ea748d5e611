import type { Compiled, Primitive } from '../compiled';
import { tryWithRollback } from '../compiled';

/** `all`: every sub-pattern matches the node. */
export const allPrimitive: Primitive<'all'> = {
  key: 'all',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    return (node, state) => tests.every((t) => t(node, state));
  },
};

/** `any`: some sub-pattern matches the node (captures of failed branches are rolled back). */
export const anyPrimitive: Primitive<'any'> = {
  key: 'any',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    return (node, state) => tests.some((t) => tryWithRollback(state, () => t(node, state)));
  },
};

/** `not`: the sub-pattern does not match the node (its captures are discarded). */
export const notPrimitive: Primitive<'not'> = {
  key: 'not',
  compile: (spec, sub, where) => {
    const inner: Compiled = sub(spec, where);
    return (node, state) => {
      const saved = new Map(state.captures);
      const matched = inner.test(node, state);
      state.captures.clear();
      for (const [k, v] of saved) state.captures.set(k, v);
      return !matched;
    };
  },
};
