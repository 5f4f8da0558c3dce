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
const AUTH_SCHEME_PREFIX = /^(?:Bearer|Basic|Token|Digest)[ \t]{1,4}/i;

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

/** Characters that end an unquoted value: whitespace & ; , " ' < > ( ) { } [ ] ` | */
const BARE_VALUE_END = new Set([38, 59, 44, 34, 39, 60, 62, 40, 41, 123, 125, 91, 93, 96, 124]);

/** The key that ends just before the separator at `separator`, or undefined. */
function keyBefore(text: string, separator: number): string | undefined {
  let end = separator;
  for (let spaces = 0; end > 0 && isSpace(text.charCodeAt(end - 1)) && spaces < 4; spaces++) end--;
  const quote = text.charCodeAt(end - 1);
  const quoted = quote === 34 || quote === 39;
  if (quoted) end--;
  let start = end;
  while (start > 0 && end - start <= MAX_KEY && isKeyChar(text.charCodeAt(start - 1))) start--;
  if (start === end || end - start > MAX_KEY || !isKeyStart(text.charCodeAt(start))) return undefined;
  if (quoted && text.charCodeAt(start - 1) !== quote) return undefined;
  return text.slice(start, end);
}

/** The end of the value starting at `start`: past its closing quote, or at the first delimiter. */
function valueEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  if (quote === 34 || quote === 39) {
    const limit = Math.min(text.length, start + 1 + MAX_VALUE);
    for (let index = start + 1; index < limit; index++) {
      const code = text.charCodeAt(index);
      if (code === 92) index++;
      else if (code === quote) return index + 1;
      else if (code === 10 || code === 13) break;
    }
    return start;
  }
  const scheme = AUTH_SCHEME_PREFIX.exec(text.slice(start, start + 16));
  let index = start + (scheme ? scheme[0].length : 0);
  const limit = Math.min(text.length, index + MAX_VALUE);
  while (index < limit) {
    const code = text.charCodeAt(index);
    if (code <= 32 || BARE_VALUE_END.has(code)) break;
    index++;
  }
  return index;
}

/** Index of the next `:` or `=` at or after `from`, or -1. */
function nextSeparator(text: string, from: number): number {
  const colon = text.indexOf(':', from);
  const equals = text.indexOf('=', from);
  if (colon === -1) return equals;
  return equals === -1 || colon < equals ? colon : equals;
}

/** Creates the detector bound to a scrubber's key rules. */
export function createKeyValueDetector(isSensitiveKey: KeyMatcher, replacement: string): Detector {
  return {
    name: 'key-value',
    description:
      'values after a sensitive key in text: `password=…`, `"token":"…"`, `api_key=…&`, `Authorization: Bearer …`',
    family: Family.separator,
    gate: always,
    scrub(text, redact) {
      let result = '';
      let cursor = 0;
      for (let separator = nextSeparator(text, 0); separator !== -1; separator = nextSeparator(text, separator + 1)) {
        const code = text.charCodeAt(separator);
        const following = text.charCodeAt(separator + 1);
        if (code === 61 && (following === 61 || following === 126)) {
          separator++; // `==`, `=~`: a comparison, not an assignment
          continue;
        }
        const key = keyBefore(text, separator);
        if (key === undefined || !isSensitiveKey(key)) continue;
        let start = separator + (following === 62 || (code === 58 && following === 61) ? 2 : 1); // `=>`, `:=`
        for (let spaces = 0; start < text.length && isSpace(text.charCodeAt(start)) && spaces < 4; spaces++) start++;
        const end = valueEnd(text, start);
        const quoted = end > start && (text.charCodeAt(start) === 34 || text.charCodeAt(start) === 39);
        if (end <= start + (quoted ? 2 : 0)) continue;
        if (text.slice(start + (quoted ? 1 : 0), quoted ? end - 1 : end) === replacement) continue;
        const mark = quoted ? text[start] : '';
        result += `${text.slice(cursor, start)}${mark}${redact('key-value')}${mark}`;
        cursor = end;
        separator = end - 1;
      }
      return cursor === 0 ? text : result + text.slice(cursor);
    },
  };
}
