/** A single value or a list of them, as rule files allow, as a list. */
export function toList<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
