/**
 * Edit distance and "did you mean" suggestions for mistyped rule ids (suppression comments, the CLI) and commands.
 */

/**
 * Levenshtein distance between two strings (insertions, deletions, substitutions each cost 1).
 * @param a - First string.
 * @param b - Second string.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `input`, or `undefined` when none is close enough to be a plausible typo.
 * A candidate whose last path segment equals `input` (e.g. `decode-without-verify` for
 * `jwt/decode-without-verify`) always wins.
 * @param input - What the user typed.
 * @param candidates - Valid values.
 */
export function suggestClosest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const bySuffix = candidates.find((c) => c.toLowerCase().split('/').pop() === needle);
  if (bySuffix !== undefined) return bySuffix;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= limit ? best : undefined;
}
