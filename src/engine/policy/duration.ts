/**
 * Durations in policies and in code. Policy files write `15m`, `7d` or a number of seconds; code writes what
 * each library takes: jsonwebtoken's `expiresIn` is seconds as a number and a vercel/ms string otherwise (a
 * string of digits alone is milliseconds there), jose's `setExpirationTime` takes a time span string, cookie
 * `maxAge` is milliseconds. Everything is normalised to seconds.
 */

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  msec: 0.001,
  msecs: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
  y: 31_557_600,
  yr: 31_557_600,
  yrs: 31_557_600,
  year: 31_557_600,
  years: 31_557_600,
};

/** How a number written in code is read: seconds (jsonwebtoken `expiresIn`, iron-session `ttl`) or milliseconds (cookie `maxAge`). */
export type NumberUnit = 'seconds' | 'milliseconds';

const SPAN = /^\s*([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*(from now|ago)?\s*$/i;

/**
 * Seconds of a duration string (`15m`, `7 days`, `1.5h`, jose's `+2h` / `2 hours from now`), or `undefined` when
 * it is not one. Negative spans (`-1h`, `1h ago`) are returned negative.
 * @param text - The string.
 * @param bareUnit - How digits without a unit are read (jsonwebtoken/vercel-ms: milliseconds).
 */
export function parseDurationString(text: string, bareUnit: NumberUnit = 'milliseconds'): number | undefined {
  const m = SPAN.exec(text);
  if (!m || text.length > 64) return undefined;
  const amount = Number(m[2]);
  const unit = m[3]!.toLowerCase();
  let seconds: number;
  if (unit === '') seconds = bareUnit === 'milliseconds' ? amount / 1000 : amount;
  else {
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) return undefined;
    seconds = amount * factor;
  }
  const negative = m[1] === '-' || m[4]?.toLowerCase() === 'ago';
  return negative ? -seconds : seconds;
}

/**
 * Seconds of a value written in code: a number in `numberUnit`, or a duration string.
 * @param value - The constant value.
 * @param numberUnit - Unit of plain numbers.
 */
export function durationSeconds(value: string | number, numberUnit: NumberUnit): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return numberUnit === 'milliseconds' ? value / 1000 : value;
  }
  return parseDurationString(value, 'milliseconds');
}

/**
 * Seconds of a duration in a policy file: a number of seconds, or a string with a unit (`15m`, `7d`).
 * @param value - The value as written (already checked by the policy schema).
 */
export function policyDurationSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  const seconds = parseDurationString(value, 'seconds');
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}

/**
 * A readable duration: `15 minutes`, `7 days`, `90 seconds`, `1.5 hours`.
 * @param seconds - The duration in seconds.
 */
export function formatDuration(seconds: number): string {
  const units: Array<[number, string]> = [
    [604_800, 'week'],
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  if (seconds < 60 && Number.isInteger(seconds)) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  for (const [size, name] of units) {
    if (size >= 60 && seconds >= size && Number.isInteger(seconds / size)) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.round((seconds / size) * 10) / 10;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${Math.round(seconds * 1000)} ms`;
}
