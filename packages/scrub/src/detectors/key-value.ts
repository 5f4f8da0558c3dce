import type { KeyMatcher } from '../keys.js';
import { always, type Detector, Family } from './detector.js';

/**
 * `key=value`, `key: value`, `"key":"value"`, `key := value` and `key => 'value'` in free text, query
 * strings, form bodies, logs, SQL and source lines. It jumps from separator to separator and reads
 * the key backwards and the value forwards by hand: linear, and a value that is not filtered is
 * still searched for keys inside it (`message: 'password=…'`).
 */
const MAX_KEY = 64;
const MAX_VALUE = 8192;
const AUTH_SCHEME_PREFIX = /^(?:Bearer|Basic|Token|Digest|Negotiate)[ \t]{1,4}/i;

function isKeyChar(code: number): boolean {
  // A-Z a-z 0-9 _ $ % . [ ] -
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 37 ||
    code === 46 ||
    code === 91 ||
    code === 93 ||
    code === 45
  );
}

function isKeyStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Whether the three characters before `end` are a percent-escape (`%3F`, `%26`) of a character
 * that cannot belong to a key: there an encoded key or value ends.
 */
function endsEncodedDelimiter(text: string, end: number): boolean {
  if (end < 3 || text.charCodeAt(end - 3) !== 37) return false;
  const high = hexValue(text.charCodeAt(end - 2));
  const low = hexValue(text.charCodeAt(end - 1));
  return high !== -1 && low !== -1 && !isKeyChar(high * 16 + low);
}

/** Characters that end an unquoted value: whitespace & ; , " ' < > ( ) { } [ ] ` | */
const BARE_VALUE_END = new Set([38, 59, 44, 34, 39, 60, 62, 40, 41, 123, 125, 91, 93, 96, 124]);

/** The key that ends just before the separator at `separator`, or undefined. */
function keyBefore(text: string, separator: number): string | undefined {
  let end = separator;
  for (let spaces = 0; end > 0 && isSpace(text.charCodeAt(end - 1)) && spaces < 4; spaces++) end--;
  const quote = text.charCodeAt(end - 1);
  const quoted = quote === 34 || quote === 39;
  if (quoted) end--;
  const escaped = quoted && text.charCodeAt(end - 1) === 92; // `\"key\":` in JSON held in a string
  if (escaped) end--;
  let start = end;
  while (start > 0 && end - start <= MAX_KEY && isKeyChar(text.charCodeAt(start - 1))) {
    if (start >= 3 && text.charCodeAt(start - 3) === 37 && endsEncodedDelimiter(text, start)) break; // `%3Faccess_token`
    start--;
  }
  if (start === end || end - start > MAX_KEY || !isKeyStart(text.charCodeAt(start))) return undefined;
  if (quoted && text.charCodeAt(start - 1) !== quote) return undefined;
  if (escaped && text.charCodeAt(start - 2) !== 92) return undefined;
  return text.slice(start, end);
}

/** SQL placeholders are not values: `password = $1`, `token = ?`, `secret = :secret`. */
const PLACEHOLDER_START = new Set([36, 63, 58, 64, 37]); // $ ? : @ %
const PLACEHOLDER = /^(?:\$\d{1,3}|\?|:[A-Za-z_]\w{0,63}|@[A-Za-z_]\w{0,63}|%s)$/;
/** A bare value made of digit groups (a card, an SSN, an IBAN) continues across single spaces. */
const NUMBER_GROUP = /^[A-Z0-9]{1,6}$/;
const MAX_GROUPS = 8;
/** A count under a plural key such as `input_tokens=42`. */
const COUNT = /^\d{1,15}$/;

/** Where the secret of a value starts and ends (the quotes around it stay), or undefined. */
interface ValueSpan {
  from: number;
  to: number;
  /** Where scanning resumes: past a closing quote. */
  resume: number;
}

/** The index of the closing `quote` (escaped with a backslash when `escaped`), or -1. */
function closingQuote(text: string, from: number, quote: number, escaped: boolean): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  for (let index = from; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return -1;
    if (code !== 92) {
      if (!escaped && code === quote) return index;
      continue;
    }
    if (escaped && text.charCodeAt(index + 1) === quote) return index;
    index++;
  }
  return -1;
}

function bareEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  let index = from;
  while (index < limit) {
    const code = text.charCodeAt(index);
    if (code <= 32 || BARE_VALUE_END.has(code) || (code === 37 && endsEncodedDelimiter(text, index + 3)))
      break;
    index++;
  }
  return index;
}

function lineEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  let index = from;
  while (index < limit && text.charCodeAt(index) !== 10 && text.charCodeAt(index) !== 13) index++;
  return index;
}

/** Absorbs the space-separated groups of a spaced number: `4111 1111 1111 1111`, `DE89 3704 0044`. */
function spacedNumberEnd(text: string, from: number, end: number): number {
  if (!/\d/.test(text.slice(from, end)) || !NUMBER_GROUP.test(text.slice(from, end).replace(/-/g, '')))
    return end;
  let last = end;
  for (let groups = 0; groups < MAX_GROUPS && text.charCodeAt(last) === 32; groups++) {
    const next = bareEnd(text, last + 1);
    if (!NUMBER_GROUP.test(text.slice(last + 1, next))) break;
    last = next;
  }
  return last;
}

/** The value that starts at `start`: quoted, quoted with escaped quotes (JSON in a string), or bare. */
function valueSpan(text: string, start: number): ValueSpan | undefined {
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) {
    const close = closingQuote(text, start + 1, first, false);
    return close === -1 ? undefined : { from: start + 1, to: close, resume: close + 1 };
  }
  const second = text.charCodeAt(start + 1);
  if (first === 92 && (second === 34 || second === 39)) {
    const close = closingQuote(text, start + 2, second, true);
    return close === -1 ? undefined : { from: start + 2, to: close, resume: close + 2 };
  }
  const scheme = AUTH_SCHEME_PREFIX.exec(text.slice(start, start + 16));
  const from = start + (scheme ? scheme[0].length : 0);
  if (scheme && /^digest/i.test(scheme[0])) {
    const to = lineEnd(text, from); // `Digest username="…", response="…"`: the whole header value
    return { from, to, resume: to };
  }
  const end = bareEnd(text, from);
  if (PLACEHOLDER_START.has(text.charCodeAt(from)) && PLACEHOLDER.test(text.slice(from, end)))
    return undefined;
  const to = spacedNumberEnd(text, from, end);
  return { from, to, resume: to };
}

/**
 * Finds separators in order: `:`, `=`, and `%3D` (an encoded `=` inside an encoded URL). Each is
 * searched for again only once the scan has passed it, so a long text stays linear.
 */
class Separators {
  private readonly needles: string[];
  private readonly positions: number[];

  constructor(private readonly text: string) {
    this.needles = text.includes('%') ? [':', '=', '%3D', '%3d'] : [':', '='];
    this.positions = this.needles.map((needle) => text.indexOf(needle));
  }

  /** The first separator at or after `from` as [index, length], or undefined. */
  next(from: number): [number, number] | undefined {
    let best = -1;
    for (let which = 0; which < this.needles.length; which++) {
      let position = this.positions[which]!;
      if (position !== -1 && position < from) {
        position = this.text.indexOf(this.needles[which]!, from);
        this.positions[which] = position;
      }
      if (position !== -1 && (best === -1 || position < this.positions[best]!)) best = which;
    }
    return best === -1 ? undefined : [this.positions[best]!, this.needles[best]!.length];
  }
}

/** Creates the detector bound to a scrubber's key rules. */
export function createKeyValueDetector(keySensitivity: KeyMatcher, replacement: string): Detector {
  return {
    name: 'key-value',
    description:
      'values after a sensitive key in text: `password=…`, `"token":"…"`, `api_key=…&`, `Authorization: Bearer …`',
    family: Family.separator,
    gate: always,
    scrub(text, redact) {
      let result = '';
      let cursor = 0;
      const separators = new Separators(text);
      let from = 0;
      for (let found = separators.next(from); found !== undefined; found = separators.next(from)) {
        const [separator, length] = found;
        from = separator + 1;
        const code = text.charCodeAt(separator);
        const following = text.charCodeAt(separator + 1);
        if (code === 61 && (following === 61 || following === 126)) {
          from++; // `==`, `=~`: a comparison, not an assignment
          continue;
        }
        const key = keyBefore(text, separator);
        if (key === undefined) continue;
        const sensitivity = keySensitivity(key);
        if (sensitivity === 'none') continue;
        let start =
          separator + (length > 1 ? length : following === 62 || (code === 58 && following === 61) ? 2 : 1); // `=>`, `:=`
        for (let spaces = 0; start < text.length && isSpace(text.charCodeAt(start)) && spaces < 4; spaces++)
          start++;
        const span = valueSpan(text, start);
        if (span === undefined || span.to <= span.from) continue;
        const isReplacement =
          span.to - span.from === replacement.length && text.startsWith(replacement, span.from);
        if (isReplacement || (sensitivity === 'text' && COUNT.test(text.slice(span.from, span.to)))) continue;
        result += `${text.slice(cursor, span.from)}${redact('key-value')}`;
        cursor = span.to;
        from = span.resume;
      }
      return cursor === 0 ? text : result + text.slice(cursor);
    },
  };
}
