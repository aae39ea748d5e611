import picomatch from 'picomatch';
import type { Primitive } from '../compiled';
import { ts } from '../../ts';

const directiveCache = new WeakMap<ts.SourceFile, string[]>();

/** The file's directive prologue: leading string statements such as `'use server'` or `'use client'` (cached per file). */
export function fileDirectives(sf: ts.SourceFile): string[] {
  const cached = directiveCache.get(sf);
  if (cached) return cached;
  const out: string[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isStringLiteral(stmt.expression)) break;
    out.push(stmt.expression.text);
  }
  directiveCache.set(sf, out);
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
    // The answer for a path is the same for every node of the file: remember the last file's.
    let lastPath: string | undefined;
    let lastAnswer = false;
    const pathMatches = (relPath: string): boolean => {
      if (relPath !== lastPath) {
        lastPath = relPath;
        lastAnswer = pathMatch!(relPath);
      }
      return lastAnswer;
    };
    return (_node, state) => {
      const { ctx } = state;
      if (spec.test !== undefined && ctx.isTest !== spec.test) return false;
      if (spec.client !== undefined && ctx.isClient !== spec.client) return false;
      if (pathMatch && !pathMatches(ctx.relPath)) return false;
      if (spec.directive !== undefined && !fileDirectives(ctx.sourceFile).includes(spec.directive)) return false;
      if (spec.approvedAuthModule !== undefined) {
        const approved = ctx.isApprovedAuthModule;
        if (approved === undefined || approved !== spec.approvedAuthModule) return false;
      }
      return true;
    };
  },
};
