import { ts } from '../../ts';
import type { NodeTest, Primitive } from '../compiled';
import { testWithRollback } from '../compiled';

function isNode(v: unknown): v is ts.Node {
  return typeof v === 'object' && v !== null && typeof Reflect.get(v, 'kind') === 'number' && typeof Reflect.get(v, 'pos') === 'number';
}

/**
 * `field`: named child fields of the node (compiler property names such as `expression`, `left`,
 * `thenStatement`, `initializer`) match sub-patterns. For list fields (`statements`, `arguments`) some element
 * must match. Fields are checked in the order written, so a later field may refer to an earlier capture.
 */
export const fieldPrimitive: Primitive<'field'> = {
  key: 'field',
  compile: (spec, sub, where) => {
    const names = Object.keys(spec);
    const tests: NodeTest[] = names.map((name) => sub(spec[name]!, `${where}/${name}`).test);
    return (node, state) => {
      for (let i = 0; i < names.length; i++) {
        const test = tests[i]!;
        const child: unknown = Reflect.get(node, names[i]!);
        if (isNode(child)) {
          if (!test(child, state)) return false;
        } else if (Array.isArray(child)) {
          let found = false;
          for (let j = 0; j < child.length && !found; j++) {
            const el: unknown = child[j];
            found = isNode(el) && testWithRollback(test, el, state);
          }
          if (!found) return false;
        } else {
          return false;
        }
      }
      return true;
    };
  },
};
