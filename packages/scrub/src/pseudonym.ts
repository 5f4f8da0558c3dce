import { createHmac } from 'node:crypto';

/**
 * A keyed-hash pseudonym for `ScrubOptions.pseudonymize`: the same email or IP always maps to the
 * same `anon:<hex>` id, so Sentry still counts distinct users, while nobody without `key` can
 * reverse it or test a guess. Keep `key` secret and stable (rotating it splits every user in two).
 */
export function createPseudonymizer(key: string): (value: string) => string {
  if (typeof key !== 'string' || key.length < 16)
    throw new TypeError('createPseudonymizer(key): `key` must be a secret string of at least 16 characters.');
  return (value) =>
    `anon:${createHmac('sha256', key).update(value.trim().toLowerCase()).digest('hex').slice(0, 20)}`;
}
