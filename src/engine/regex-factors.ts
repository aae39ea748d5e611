/**
 * Literal factors of a regular expression: strings one of which every match must contain. A prefilter can then
 * look for a handful of plain strings (all filters' strings in one pass, see word-scan.ts) and run the regular
 * expression only on texts that have one. Factors are lower-cased: they are looked for in the lower-cased text,
 * which contains the lower-cased form of anything a case-sensitive match finds, so the answer stays a necessary
 * condition either way.
 */

/** What a piece of a regular expression tells about the text it matches. */
interface Info {
  /** The piece always matches exactly this string. */
  exact?: string;
  /** Every match of the piece contains one of these (undefined: nothing is known). */
  factors?: string[];
}

/** How selective a factor set is: its shortest string's length (longer strings are rarer). */
function score(set: readonly string[] | undefined): number {
  if (!set || set.length === 0) return -1;
  return Math.min(...set.map((s) => s.length));
}

function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  return score(b) > score(a) ? b : a;
}

/** A recursive-descent reader of one regular expression source (the subset rules use; anything else gives up). */
class Reader {
  private i = 0;
  /** Set when the source has something this reader does not understand: no factors then. */
  failed = false;

  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) this.failed = true;
    return info;
  }

  private alternation(): Info {
    const alternatives: Info[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0]!;
    const factors: string[] = [];
    for (const alt of alternatives) {
      const own = alt.exact !== undefined && alt.exact.length > 0 ? [alt.exact] : alt.factors;
      if (!own || own.length === 0) return {};
      factors.push(...own);
    }
    return { factors };
  }

  private sequence(): Info {
    let run = '';
    let allExact = true;
    let best: string[] | undefined;
    const endRun = (): void => {
      if (run.length > 0) best = better(best, [run]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified();
      if (atom.exact !== undefined) {
        run += atom.exact;
        continue;
      }
      allExact = false;
      endRun();
      best = better(best, atom.factors);
    }
    if (allExact) return { exact: run };
    endRun();
    return { factors: best };
  }

  private quantified(): Info {
    const atom = this.atom();
    const c = this.src[this.i];
    let min: number | undefined;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (!m) {
        this.failed = true;
        return {};
      }
      min = Number(m[1]);
      this.i += m[0].length - 1;
    }
    if (min === undefined) return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    if (min === 0) return {};
    const own = atom.exact !== undefined && atom.exact.length > 0 ? [atom.exact] : atom.factors;
    return { factors: own };
  }

  private atom(): Info {
    const c = this.src[this.i]!;
    if (c === '(') {
      this.i++;
      let lookaround: 'positive' | 'negative' | undefined;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?=', this.i)) {
        this.i += 2;
        lookaround = 'positive';
      } else if (this.src.startsWith('?!', this.i) || this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
        lookaround = 'negative';
      } else if (this.src[this.i] === '?') {
        this.failed = true;
        return {};
      }
      const inner = this.alternation();
      if (this.src[this.i] !== ')') {
        this.failed = true;
        return {};
      }
      this.i++;
      // A lookahead matches nothing itself but its text must be there; a negative one promises nothing.
      if (lookaround === 'negative') return {};
      if (lookaround === 'positive') return { factors: inner.exact !== undefined && inner.exact.length > 0 ? [inner.exact] : inner.factors };
      return inner;
    }
    if (c === '[') {
      const end = classEnd(this.src, this.i);
      if (end < 0) {
        this.failed = true;
        return {};
      }
      this.i = end + 1;
      return {};
    }
    if (c === '\\') {
      const e = this.src[this.i + 1];
      this.i += 2;
      if (e === undefined) {
        this.failed = true;
        return {};
      }
      if (e === 'n') return { exact: '\n' };
      if (e === 't') return { exact: '\t' };
      if (/[A-Za-z0-9]/.test(e)) {
        // \d \w \s \b, \x41, \u0041, back-references: no literal (\x and \u sequences are skipped whole).
        if (e === 'x') this.i += 2;
        else if (e === 'u') this.i += this.src[this.i] === '{' ? this.src.indexOf('}', this.i) - this.i + 1 : 4;
        return {};
      }
      return { exact: e.toLowerCase() };
    }
    if (c === '.' || c === '^' || c === '$') {
      this.i++;
      return {};
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === '|') {
      this.failed = true;
      this.i++;
      return {};
    }
    this.i++;
    return { exact: c.toLowerCase() };
  }
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(src: string, open: number): number {
  let i = open + 1;
  if (src[i] === '^') i++;
  if (src[i] === ']') i++;
  for (; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === ']') return i;
  }
  return -1;
}

/**
 * Lower-cased strings one of which every match of `source` contains (the most selective such set found), or
 * `undefined` when no such strings are known (an optional part, a class, something not understood). Only
 * printable ASCII factors are returned.
 */
export function regexFactors(source: string): string[] | undefined {
  const reader = new Reader(source);
  const info = reader.parse();
  if (reader.failed) return undefined;
  const set = info.exact !== undefined ? (info.exact.length > 0 ? [info.exact] : undefined) : info.factors;
  if (!set || set.length === 0 || set.some((s) => s.length === 0 || !/^[\n\t\x20-\x7e]+$/.test(s))) return undefined;
  return [...new Set(set)];
}
