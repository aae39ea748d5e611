import type { FileContext } from '../../context/file-context';
import { ts } from '../../ts';
import type { Primitive } from '../compiled';

/** The unique in-file variable declaration of an identifier's name (or the declaration node itself). */
export function declarationOf(node: ts.Node, ctx: FileContext): ts.VariableDeclaration | undefined {
  if (ts.isVariableDeclaration(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  let found: ts.VariableDeclaration | undefined;
  for (const decl of ctx.index.variables) {
    if (ts.isIdentifier(decl.name) && decl.name.text === node.text) {
      if (found) return undefined;
      found = decl;
    }
  }
  return found;
}

function keywordOf(decl: ts.VariableDeclaration): 'const' | 'let' | 'var' {
  const flags = decl.parent.flags;
  if (flags & ts.NodeFlags.Const) return 'const';
  if (flags & ts.NodeFlags.Let) return 'let';
  return 'var';
}

/** `declaration`: the identifier's in-file declaration is module-level, uses a keyword, has a matching initializer. */
export const declarationPrimitive: Primitive<'declaration'> = {
  key: 'declaration',
  compile: (spec, sub, where) => {
    const keywords = spec.keyword === undefined ? undefined : Array.isArray(spec.keyword) ? spec.keyword : [spec.keyword];
    const init = spec.init ? sub(spec.init, `${where}/init`).test : undefined;
    return (node, state) => {
      const decl = declarationOf(node, state.ctx);
      if (!decl) return false;
      if (spec.moduleLevel !== undefined) {
        const stmt = decl.parent.parent;
        const atTop = ts.isVariableStatement(stmt) && ts.isSourceFile(stmt.parent);
        if (atTop !== spec.moduleLevel) return false;
      }
      if (keywords && !keywords.includes(keywordOf(decl))) return false;
      if (init && (!decl.initializer || !init(decl.initializer, state))) return false;
      return true;
    };
  },
};
