import { needlesOf } from './secret-input.js';
import { SecretSearch } from './secret-search.js';
import type { SecretFinding, Secrets } from './secret-types.js';
import type { RecordedEnvelope } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRecordedEnvelope(value: unknown): value is RecordedEnvelope {
  return (
    isObject(value) && isObject(value.header) && Array.isArray(value.items) && typeof value.raw === 'string'
  );
}

/** The recorded envelopes a haystack stands for, or undefined when it is any other value. */
function envelopesOf(haystack: unknown, caller: string): readonly RecordedEnvelope[] | undefined {
  if (isObject(haystack) && typeof haystack.then === 'function')
    throw new TypeError(`${caller}: the haystack is a Promise; await it first`);
  if (isObject(haystack) && typeof haystack.envelopes === 'function')
    throw new TypeError(
      `${caller} is synchronous: pass \`await receiver.envelopes()\` for a loopback receiver`,
    );
  if (isObject(haystack) && Array.isArray(haystack.envelopes) && typeof haystack.events === 'function')
    return haystack.envelopes as readonly RecordedEnvelope[];
  if (Array.isArray(haystack) && haystack.length > 0 && haystack.every(isRecordedEnvelope)) return haystack;
  return undefined;
}

/** Shared by `findSecrets` and `assertNoSecrets`, which name themselves in their errors. */
export function searchSecrets(haystack: unknown, secrets: Secrets, caller: string): SecretFinding[] {
  const search = new SecretSearch(needlesOf(secrets, caller));
  const envelopes = envelopesOf(haystack, caller);
  if (!envelopes) search.searchValue(haystack, '$');
  else
    for (const [index, envelope] of envelopes.entries())
      search.searchEnvelope(envelope, `envelopes[${index}]`);
  return search.findings;
}

/**
 * Finds every place a secret appears in what was sent. The haystack is a `TestTransport`, the
 * recorded envelopes (`kit.envelopes`, `await receiver.envelopes()`, the views `waitFor` resolves
 * with), or any other value: a list of events, a JSON value, a string. In envelopes it searches
 * the envelope and item headers, every payload, and the raw text for anything parsing could hide.
 *
 * Each secret is looked for as is, JSON-escaped, URL-encoded (`%XX`, `+` for spaces), in base64,
 * lower-cased (emails, IPv6) and without whitespace and dashes (`4111-1111-…` for `4111 1111 …`),
 * in every string, number and object key. Findings name the secret, the variant and the path,
 * never the value. Secrets shorter than 6 characters throw a TypeError, unless they have a `key`:
 * those (a CVV) are searched only under that key.
 *
 * @example
 * ```ts
 * const findings = findSecrets(kit, { password: 'hunter2-planted', card: '4111 1111 1111 1111' });
 * // [{ name: 'card', kind: undefined, variant: 'compact', masked: '41…',
 * //    path: 'envelopes[0].items[0](event).exception.values[0].value' }]
 * ```
 */
export function findSecrets(haystack: unknown, secrets: Secrets): SecretFinding[] {
  return searchSecrets(haystack, secrets, 'findSecrets');
}
