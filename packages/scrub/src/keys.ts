/**
 * Sensitive-key rules. A key is compared case- and separator-insensitively: `X-Api-Key`,
 * `api_key` and `apiKey` all normalize to `apikey`.
 */

/** Lowercases and drops everything but letters and digits (percent-escapes decoded first). */
export function normalizeKey(key: string): string {
  let text = key;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // a malformed escape stays as it is; its letters still normalize below
    }
  }
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Fragments that make a normalized key sensitive wherever they appear in it. */
const SENSITIVE_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'accountkey',
  'sharedaccesskey',
  'privatekey',
  'signingkey',
  'encryptionkey',
  'masterkey',
  'sessionkey',
  'clientkey',
  'licensekey',
  'sshkey',
  'credential',
  'authorization',
  'cookie',
  'session',
  'sessid',
  'csrf',
  'xsrf',
  'jwt',
  'bearer',
  'cvv',
  'cvc',
  'cardnumber',
  'securitycode',
  'creditcard',
  'ccnumber',
  'iban',
  'socialsecurity',
  'signature',
  'dsn',
];

/** Whole words (after splitting on separators and camelCase) that are sensitive on their own. */
const SENSITIVE_WORDS = new Set(['auth', 'ssn', 'pin', 'otp', 'sid', 'pan', 'cvn', 'pass']);

/** Words that are sensitive only as the last word: `db_pass`, not `passThrough`. */
const TRAILING_ONLY_WORDS = new Set(['pass']);

/**
 * Last words that describe a secret without being one: `token_count`, `password_length`,
 * `input_tokens`, `secret_name`. A value under such a key is kept.
 */
const DESCRIPTIVE_SUFFIXES = [
  'count',
  'counts',
  'length',
  'size',
  'type',
  'types',
  'limit',
  'limits',
  'max',
  'min',
  'usage',
  'used',
  'tokenizer',
  'expiry',
  'expires',
  'expiresat',
  'expiresin',
  'expiration',
  'ttl',
  'enabled',
  'required',
  'present',
  'policy',
  'format',
  'strength',
  'name',
  'names',
  'field',
  'fields',
  'algorithm',
  'version',
];

/** Keys that contain a sensitive fragment or word but are not secrets. */
const INNOCENT_KEYS = new Set(['author', 'authors', 'authority', 'authored', 'sessionreplay', 'keyboard']);

function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * How secret the values under a key are: `all` of them, only `text` (a plural such as
 * `access_tokens` holds secrets, while `input_tokens: 42` is a count), or `none`.
 */
export type KeySensitivity = 'none' | 'text' | 'all';

/** The decision for one raw key, before caching. */
export function keySensitivityUncached(key: string): KeySensitivity {
  const words = splitWords(key);
  if (words[words.length - 1] === 'tokens' && TOKEN_USAGE.has(words[words.length - 2] ?? '')) return 'none';
  if (!isSensitiveName(key)) return 'none';
  return normalizeKey(key).endsWith('tokens') ? 'text' : 'all';
}

/** `input_tokens`, `max_tokens` and the like count tokens of a language model: never secrets. */
const TOKEN_USAGE = new Set([
  'input',
  'output',
  'prompt',
  'completion',
  'total',
  'max',
  'min',
  'cached',
  'reasoning',
  'used',
  'remaining',
  'num',
]);

function isSensitiveName(key: string): boolean {
  const normalized = normalizeKey(key);
  if (normalized.length === 0 || INNOCENT_KEYS.has(normalized)) return false;
  const words = splitWords(key);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && DESCRIPTIVE_SUFFIXES.includes(last)) return false;
  for (const [index, word] of words.entries()) {
    if (!SENSITIVE_WORDS.has(word)) continue;
    if (!TRAILING_ONLY_WORDS.has(word) || index === words.length - 1) return true;
  }
  if (/auth(?!or)/.test(normalized)) return true;
  return SENSITIVE_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

/** Decides how secret the values under a key are; decisions are cached per raw key. */
export type KeyMatcher = (key: string) => KeySensitivity;

const CACHE_LIMIT = 10_000;

/**
 * Builds the matcher for one scrubber: the built-in rules plus `extraKeys` (normalized fragments
 * or RegExps tested against the raw key), minus `allowKeys`.
 */
export function createKeyMatcher(
  extraKeys: readonly (string | RegExp)[],
  allowKeys: readonly string[],
): KeyMatcher {
  const extraFragments = extraKeys.filter((key): key is string => typeof key === 'string').map(normalizeKey);
  const extraPatterns = extraKeys.filter((key): key is RegExp => key instanceof RegExp);
  const allowed = new Set(allowKeys.map(normalizeKey));
  const cache = new Map<string, KeySensitivity>();

  const decide = (key: string): KeySensitivity => {
    const normalized = normalizeKey(key);
    if (allowed.has(normalized)) return 'none';
    if (extraFragments.some((fragment) => fragment.length > 0 && normalized.includes(fragment))) return 'all';
    if (extraPatterns.some((pattern) => testOnce(pattern, key))) return 'all';
    return keySensitivityUncached(key);
  };

  return (key) => {
    let decision = cache.get(key);
    if (decision === undefined) {
      decision = decide(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, decision);
    }
    return decision;
  };
}

function testOnce(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
