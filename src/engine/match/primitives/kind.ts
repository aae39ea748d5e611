import { ts } from '../../ts';
import { PatternError, type Primitive } from '../compiled';

/** Resolves SyntaxKind names (`CallExpression`) to kinds; unknown names are load errors. */
export function kindsFromNames(names: string | string[], where: string): ts.SyntaxKind[] {
  const list = Array.isArray(names) ? names : [names];
  return list.map((name, i) => {
    const kind: unknown = Reflect.get(ts.SyntaxKind, name);
    if (typeof kind !== 'number') throw new PatternError(`unknown syntax kind ${JSON.stringify(name)}`, Array.isArray(names) ? `${where}/${i}` : where);
    return kind;
  });
}

/** `kind`: the node has one of the named syntax kinds. */
export const kindPrimitive: Primitive<'kind'> = {
  key: 'kind',
  kinds: (spec) => kindsFromNames(spec, ''),
  compile: (spec, _sub, where) => {
    const kinds = new Set(kindsFromNames(spec, where));
    return (node) => kinds.has(node.kind);
  },
};
