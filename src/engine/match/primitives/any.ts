import { testWithRollback, type Primitive } from '../compiled';

/** `any`: some sub-pattern matches the node (captures of failed branches are rolled back). */
export const anyPrimitive: Primitive<'any'> = {
  key: 'any',
  compile: (spec, sub, where) => {
    const tests = spec.map((p, i) => sub(p, `${where}/${i}`).test);
    const n = tests.length;
    return (node, state) => {
      for (let i = 0; i < n; i++) if (testWithRollback(tests[i]!, node, state)) return true;
      return false;
    };
  },
};
