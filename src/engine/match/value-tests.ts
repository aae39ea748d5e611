/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PLACEHOLDER_WORDS =
  /^(changeme|change[-_ ]?me|change[-_ ]?this|replace[-_ ]?me|your[-_ ].*|my[-_ ]?secret|secret|password|passwd|pass|test|testing|dummy|example|sample|placeholder|todo|tbd|fixme|none|null|undefined|empty|default|xxx+|x+|\*+|\.+|-+|_+|0+|1234\d*|abc\d*|foo|bar|baz|foobar|qwerty|letmein|redacted|hidden|masked|n\/a|insert[-_ ].*|enter[-_ ].*|put[-_ ].*|add[-_ ].*)$/i;

/**
 * `true` for values that are clearly not real secrets: template placeholders (`<your-key>`, `${KEY}`, `{{key}}`),
 * filler (`xxxx`, `****`), well-known examples (`AKIAIOSFODNN7EXAMPLE`), and dummy words (`changeme`).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  if (/^<[^>]*>$|^\{\{.*\}\}$|^\$\{.*\}$|^%[A-Z_]+%$|^\[[^\]]*\]$/.test(v)) return true;
  if (/(example|sample|placeholder|dummy|your[-_]?(api[-_]?)?(key|secret|token|password)|xxxx|\*\*\*\*|redacted|replace[-_]?me|change[-_]?me|insert[-_]?here|goes[-_]?here|not[-_]?a[-_]?real|fake)/i.test(v)) return true;
  // One repeated character or a short repeated unit ("abcabcabc").
  if (/^(.{1,3})\1+$/.test(v)) return true;
  return false;
}

/** Lower-case words of an identifier or a value: `FLOW_PASSWORD_REQUIRED_V2`, `FlowPasswordRequiredV2`, `use-credentials`. */
export function wordsOf(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Words that secrets themselves often contain (`jwt-secret`, `session-secret-prod`): they prove no echo. */
const SECRET_WORDS = new Set(['secret', 'secrets', 'key', 'keys', 'token', 'tokens', 'password', 'passwd', 'pass', 'pwd', 'api', 'jwt', 'session', 'auth', 'private', 'signing', 'hmac', 'credential', 'credentials']);

/**
 * `true` when a value repeats the name it is bound to, as enum-like constants do: two or more shared words
 * besides secret-ish ones, or every word of a multi-word value found in the name with at least one of them
 * not secret-ish. `SESSION_SECRET = 'session-secret-prod'` and `JWT_SECRET = 'jwt-secret'` do not echo.
 */
export function echoesName(value: string, name: string): boolean {
  const nameWords = new Set(wordsOf(name));
  const valueWords = wordsOf(value);
  if (valueWords.length === 0) return false;
  const plain = new Set(valueWords.filter((w) => nameWords.has(w) && !SECRET_WORDS.has(w)));
  if (plain.size >= 2) return true;
  return valueWords.length > 1 && plain.size >= 1 && valueWords.every((w) => nameWords.has(w));
}
