import { isPlaceholder, shannonEntropy } from './match/value-tests';

/** Provider token shapes redacted wherever they appear, even outside string literals. */
const TOKEN_SHAPES = [
  /\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\b[sr]k_(live|test)_[A-Za-z0-9]{16,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^:\s/@'"`]+:)([^@\s'"`]+)(@)/gi,
];

const STRING_LITERAL = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;

/** A literal that may be a credential: long, no spaces, mixed letters and digits, high entropy. */
function looksSecret(content: string): boolean {
  if (content.length < 12 || /\s/.test(content) || isPlaceholder(content)) return false;
  if (!/[A-Za-z]/.test(content) || !/[0-9]/.test(content)) return false;
  return shannonEntropy(content) >= 3.3;
}

/**
 * Redacts secret-looking values in a line of source or a message. With `all`, every string literal of
 * four or more characters is redacted (used for findings about inline secrets).
 */
export function redactSecrets(text: string, all = false): string {
  let out = text;
  for (const re of TOKEN_SHAPES) {
    out = out.replace(re, (...m: unknown[]) => {
      const groups = m.slice(1, 4).map((g) => (typeof g === 'string' ? g : ''));
      // URLs with credentials keep scheme, user and host; only the password goes.
      if (re.source.startsWith('(\\b[a-z]')) return `${groups[0]}<redacted>${groups[2]}`;
      return '<redacted>';
    });
  }
  out = out.replace(STRING_LITERAL, (whole, quote: string, content: string) => {
    if (content.includes('<redacted>')) return whole;
    if ((all && content.length >= 4) || looksSecret(content)) return `${quote}<redacted:${content.length}>${quote}`;
    return whole;
  });
  return out;
}
