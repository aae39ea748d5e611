import { flowReaches, type FlowQuery } from '../../flow/value-flow';
import type { Primitive } from '../compiled';
import { compileNameSpec, type NameTest } from '../name-spec';
import type { Pattern } from '../pattern-types';

/**
 * Name tests one of which a node must pass to match `pattern` (its own `name`, a name every `any` branch requires,
 * or one an `all` member requires); `undefined` when the pattern can match nodes of any name.
 */
function requiredNames(pattern: Pattern, where: string): NameTest[] | undefined {
  if (pattern.name !== undefined) return [compileNameSpec(pattern.name, `${where}/name`)];
  if (pattern.all) {
    for (const [i, p] of pattern.all.entries()) {
      const names = requiredNames(p, `${where}/all/${i}`);
      if (names) return names;
    }
  }
  if (pattern.any && pattern.any.length > 0) {
    const out: NameTest[] = [];
    for (const [i, p] of pattern.any.entries()) {
      const names = requiredNames(p, `${where}/any/${i}`);
      if (!names) return undefined;
      out.push(...names);
    }
    return out;
  }
  return undefined;
}

/**
 * `flowsFrom`: the node's value comes from a node matching `source` — through local variables, destructuring,
 * assignments, templates, concatenation, object/array literals, content-preserving calls and the returns of
 * functions defined in the file (or, in audits, imported from a relative module) — and no `stop` node lies
 * between. Any other call ends the path (its result is a new value: a hash, a mask, a lookup).
 *
 * When the source needs a name (`source: { name: password }`) and no identifier or string literal of the file
 * passes that name test, only helpers imported from files that mention such a name are looked into.
 */
export const flowsFromPrimitive: Primitive<'flowsFrom'> = {
  key: 'flowsFrom',
  compile: (spec, sub, where) => {
    const query: FlowQuery = {
      source: sub(spec.source, `${where}/source`).test,
      stop: spec.stop ? sub(spec.stop, `${where}/stop`).test : undefined,
      names: requiredNames(spec.source, `${where}/source`),
    };
    return (node, state) => flowReaches(node, state, query);
  },
};
