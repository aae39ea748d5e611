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
    const fields: Array<[string, NodeTest]> = Object.entries(spec).map(([name, p]) => [name, sub(p, `${where}/${name}`).test]);
    return (node, state) =>
      fields.every(([name, test]) => {
        const child: unknown = Reflect.get(node, name);
        if (isNode(child)) return test(child, state);
        if (Array.isArray(child)) return child.some((el) => isNode(el) && testWithRollback(test, el, state));
        return false;
      });
  },
};
