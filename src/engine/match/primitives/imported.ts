import { isTransparentWrapper } from '../../context/constants';
import { ts } from '../../ts';
import type { Primitive } from '../compiled';
import { compileNameSpec, type NameTest } from '../name-spec';

/** No name test: asks only whether the module resolves. */
const NO_TESTS: readonly NameTest[] = [];

/** The expression whose binding is asked about: a call's or `new`'s callee, without casts and parentheses. */
function subject(node: ts.Node): ts.Expression | undefined {
  let e: ts.Node = node;
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) e = e.expression;
  while (ts.isExpression(e) && isTransparentWrapper(e)) e = e.expression;
  return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? e : undefined;
}

/**
 * `imported`: the node — an identifier, a member chain rooted at one, or a call or `new` of either — is bound to
 * an import or `require` of a relative module that resolves to a file of the workspace (audits only: the editor
 * path has no cross-file resolver, and there nothing matches). `mentions` / `lacks`: that file's text (and what it
 * re-exports) has / certainly has no identifier or short string passing the name test. A module that cannot be
 * resolved matches neither, so `lacks` never holds for what the analyzer cannot see.
 */
export const importedPrimitive: Primitive<'imported'> = {
  key: 'imported',
  compile: (spec, _sub, where) => {
    const mentions: readonly NameTest[] | undefined = spec.mentions !== undefined ? [compileNameSpec(spec.mentions, `${where}/mentions`)] : undefined;
    const lacks: readonly NameTest[] | undefined = spec.lacks !== undefined ? [compileNameSpec(spec.lacks, `${where}/lacks`)] : undefined;
    return (node, state) => {
      const resolver = state.ctx.crossFile;
      if (!resolver?.moduleMentions) return false;
      const expr = subject(node);
      if (!expr) return false;
      const ref = state.ctx.bindings.resolveExpression(expr);
      if (!ref || !ref.module.startsWith('.')) return false;
      const file = state.ctx.file;
      if (mentions && resolver.moduleMentions(file, ref.module, mentions) !== true) return false;
      if (lacks && resolver.moduleMentions(file, ref.module, lacks) !== false) return false;
      if (!mentions && !lacks) return resolver.moduleMentions(file, ref.module, NO_TESTS) !== undefined;
      return true;
    };
  },
};
