import type { Pattern } from './pattern-types';

function calleeModules(spec: Pattern['call']): Set<string> | undefined {
  if (!spec?.callee || spec.method !== undefined) return undefined;
  const list = Array.isArray(spec.callee) ? spec.callee : [spec.callee];
  const modules = new Set<string>();
  for (const id of list) {
    const module = (id.startsWith('node:') ? id.slice(5) : id).split('#')[0]!;
    // Globals need no import; `*` patterns may name any module.
    if (module === 'global' || module.includes('*')) return undefined;
    modules.add(module);
  }
  return modules.size > 0 ? modules : undefined;
}

/**
 * Modules a file must import (one of them) for the pattern to match anywhere in it, or `undefined` when the
 * pattern can match without any import. Lets the analyzer skip most rules on most files without a test.
 */
export function requiredModules(pattern: Pattern): Set<string> | undefined {
  const candidates: Array<Set<string>> = [];
  const own = calleeModules(pattern.call);
  if (own) candidates.push(own);
  for (const sub of pattern.all ?? []) {
    const req = requiredModules(sub);
    if (req) candidates.push(req);
  }
  if (pattern.any && pattern.any.length > 0) {
    const branches = pattern.any.map(requiredModules);
    if (branches.every((b) => b !== undefined)) candidates.push(new Set(branches.flatMap((b) => [...(b ?? [])])));
  }
  if (candidates.length === 0) return undefined;
  // Every candidate is necessary; the smallest is the most selective.
  return candidates.sort((a, b) => a.size - b.size)[0];
}
