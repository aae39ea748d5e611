/**
 * English plurals for summary lines.
 */

/**
 * `"1 file"`, `"2 files"`.
 * @param count - How many.
 * @param singular - Noun for one.
 * @param plural - Noun for many (default: singular + `s`).
 */
export function plural(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
