import type { Pattern } from './pattern-types';

/** Rough relative cost of evaluating each key, excluding its sub-patterns. */
const OWN_COST: Record<keyof Pattern, number> = {
  kind: 1,
  operator: 1,
  capture: 0,
  sameAs: 1,
  file: 2,
  name: 2,
  memberPath: 3,
  call: 4,
  arg: 1,
  field: 1,
  chain: 4,
  usage: 3,
  imported: 20,
  object: 8,
  value: 8,
  boundName: 8,
  mentions: 12,
  declaration: 10,
  all: 0,
  any: 0,
  not: 0,
  inside: 15,
  inFunction: 25,
  flowsFrom: 30,
  definition: 40,
  contains: 40,
};

function subPatterns(key: keyof Pattern, spec: unknown): Pattern[] {
  if (typeof spec !== 'object' || spec === null) return [];
  switch (key) {
    case 'all':
    case 'any':
      return Array.isArray(spec) ? (spec as Pattern[]) : [];
    case 'not':
    case 'inside':
    case 'contains':
      return [spec as Pattern];
    case 'arg':
      return Array.isArray(spec) ? (spec as Pattern[]) : [spec as Pattern];
    case 'field':
      return Object.values(spec) as Pattern[];
    case 'object':
      return Object.values((spec as { has?: Record<string, Pattern> }).has ?? {});
    case 'call':
      return (spec as { receiver?: Pattern }).receiver ? [(spec as { receiver: Pattern }).receiver] : [];
    case 'declaration':
      return (spec as { init?: Pattern }).init ? [(spec as { init: Pattern }).init] : [];
    case 'flowsFrom':
    case 'definition':
      return Object.values(spec) as Pattern[];
    default:
      return [];
  }
}

/**
 * Estimated cost of one key of a pattern, sub-patterns included. `inside` multiplies its sub-pattern's cost
 * because it may run on every ancestor; `not` because it seldom rejects. Used to evaluate cheap, selective tests
 * first.
 */
export function keyCost(key: keyof Pattern, spec: unknown): number {
  const subs = subPatterns(key, spec).reduce((sum, p) => sum + patternCost(p), 0);
  let own = OWN_COST[key];
  if (key === 'inFunction' && typeof spec === 'object' && spec !== null && 'mentions' in spec) own += 25;
  if (key === 'inside') return own + subs * 6;
  // A `not` rarely rejects (it excludes exceptions): run it after the positive tests that usually do.
  if (key === 'not') return own + subs * 4;
  return own + subs;
}

/** Estimated cost of a whole pattern. */
export function patternCost(pattern: Pattern): number {
  let total = 0;
  for (const [key, spec] of Object.entries(pattern)) total += keyCost(key as keyof Pattern, spec);
  return total;
}

/** `true` when the pattern (or any sub-pattern) reads captures with `sameAs`, so it must run after siblings. */
export function readsCaptures(pattern: unknown): boolean {
  if (typeof pattern !== 'object' || pattern === null) return false;
  if (!Array.isArray(pattern) && 'sameAs' in pattern) return true;
  return Object.values(pattern).some((v) => readsCaptures(v));
}
