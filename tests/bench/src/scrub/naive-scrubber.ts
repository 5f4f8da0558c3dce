/**
 * The scrubber one writes in an afternoon, for comparison: a deep walk, in place, that replaces
 * the value of any key matching a regex and runs a few regexes over every other string.
 */
const FILTERED = '[Filtered]';
const SENSITIVE_KEY =
  /pass|secret|token|auth|cookie|session|api[-_]?key|card|cvv|ssn|iban|email|private|credential/i;
const VALUE_PATTERNS: readonly RegExp[] = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // emails
  /\b(?:\d[ -]?){12,18}\d\b/g, // card-like runs of digits
  /\bBearer\s+[\w.~+/=-]+/gi, // bearer tokens
  /\b(?:password|passwd|token|secret|api_key)=[^\s&;]+/gi, // key=value in text
  /\b\d{3}-\d{2}-\d{4}\b/g, // US SSNs
];

function scrubString(text: string): string {
  let result = text;
  for (const pattern of VALUE_PATTERNS) result = result.replace(pattern, FILTERED);
  return result;
}

/** Scrubs `value` in place (objects and arrays) and returns it; strings are returned scrubbed. */
export function naiveScrub(value: unknown): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = naiveScrub(value[index]);
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      record[key] = SENSITIVE_KEY.test(key) ? FILTERED : naiveScrub(record[key]);
  }
  return value;
}
