import { flowReaches } from '../../flow/value-flow';
import type { Primitive } from '../compiled';

/**
 * `flowsFrom`: the node's value comes from a node matching `source` — through local variables, destructuring,
 * assignments, templates, concatenation, object/array literals, content-preserving calls and the returns of
 * functions defined in the file (or, in audits, imported from a relative module) — and no `stop` node lies
 * between. Any other call ends the path (its result is a new value: a hash, a mask, a lookup).
 */
export const flowsFromPrimitive: Primitive<'flowsFrom'> = {
  key: 'flowsFrom',
  compile: (spec, sub, where) => {
    const source = sub(spec.source, `${where}/source`).test;
    const stop = spec.stop ? sub(spec.stop, `${where}/stop`).test : undefined;
    return (node, state) => flowReaches(node, state, { source, stop });
  },
};
