import type { FileContext } from '../../context/file-context';
import { ts } from '../../ts';
import type { Primitive } from '../compiled';

/** The block, function body or file that scopes a variable declaration (`var` is treated like `let`). */
function scopeOf(decl: ts.VariableDeclaration): ts.Node | undefined {
  const list = decl.parent;
  const holder = list.parent;
  // `for (const x of ...)` scopes x to the loop; a variable statement to its block or file.
  return ts.isVariableStatement(holder) ? holder.parent : holder;
}

function isAncestor(anc: ts.Node, node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p; p = p.parent) if (p === anc) return true;
  return false;
}

/**
 * The in-file variable declaration of an identifier's name (or the declaration node itself): the only one with
 * that name, or else the one in the nearest scope enclosing the identifier (`claims` declared in two functions).
 */
export function declarationOf(node: ts.Node, ctx: FileContext): ts.VariableDeclaration | undefined {
  if (ts.isVariableDeclaration(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const candidates = ctx.variablesNamed(node.text);
  if (candidates.length <= 1) return candidates[0];
  let best: ts.VariableDeclaration | undefined;
  let bestScope: ts.Node | undefined;
  let tie = false;
  for (const decl of candidates) {
    const scope = scopeOf(decl);
    if (!scope || !isAncestor(scope, node)) continue;
    if (!bestScope || isAncestor(bestScope, scope)) {
      tie = bestScope === scope;
      best = decl;
      bestScope = scope;
    } else if (scope === bestScope) {
      tie = true;
    }
  }
  return tie ? undefined : best;
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
