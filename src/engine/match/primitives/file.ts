import picomatch from 'picomatch';
import type { Primitive } from '../compiled';
import { ts } from '../../ts';

/** The file's directive prologue: leading string statements such as `'use server'` or `'use client'`. */
export function fileDirectives(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isStringLiteral(stmt.expression)) break;
    out.push(stmt.expression.text);
  }
  return out;
}

/**
 * `file`: the file is (or is not) a test/example file, client-side code (the policy's trust-boundary globs
 * first, then path heuristics), inside the policy's approved auth modules, or matches path globs.
 */
export const filePrimitive: Primitive<'file'> = {
  key: 'file',
  compile: (spec) => {
    const globs = spec.path === undefined ? undefined : Array.isArray(spec.path) ? spec.path : [spec.path];
    const pathMatch = globs ? picomatch(globs, { dot: true }) : undefined;
    return (_node, state) => {
      const { ctx } = state;
      if (spec.test !== undefined && ctx.isTest !== spec.test) return false;
      if (spec.client !== undefined && ctx.isClient !== spec.client) return false;
      if (pathMatch && !pathMatch(ctx.relPath)) return false;
      if (spec.directive !== undefined && !fileDirectives(ctx.sourceFile).includes(spec.directive)) return false;
      if (spec.approvedAuthModule !== undefined) {
        const approved = ctx.isApprovedAuthModule;
        if (approved === undefined || approved !== spec.approvedAuthModule) return false;
      }
      return true;
    };
  },
};
