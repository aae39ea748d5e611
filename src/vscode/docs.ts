/** Reads sections out of a rule's docs markdown (`## Why it matters`, `## How to fix`, ...). */

/** The body of the first `## <heading>` section whose heading starts with one of `names` (case-insensitive). */
export function docsSection(markdown: string, ...names: string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  const lines = markdown.split(/\r?\n/);
  let body: string[] | undefined;
  let fence = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) fence = !fence;
    const heading = fence ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      if (body) break;
      const title = heading[1]!.toLowerCase();
      if (wanted.some((w) => title.startsWith(w))) body = [];
      continue;
    }
    if (body) body.push(line);
  }
  const text = body?.join('\n').trim();
  return text ? text : undefined;
}
