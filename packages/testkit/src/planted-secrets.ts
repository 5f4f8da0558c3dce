import { PLANTED_SECRETS } from './planted-catalog.js';
import type { PlantedSecret } from './secret-types.js';

/**
 * A ready set of realistic, fake secrets, one or more of every kind `@faultline/scrub` detects
 * (and the key-based ones): passwords and tokens under keys, bearer and Basic credentials, a JWT,
 * AWS, Stripe, GitHub and Slack keys, a Slack webhook, a PEM private key, a database URL
 * password, an email, Visa, Mastercard and Amex numbers (Luhn-valid), a CVV, an SSN, an IBAN
 * (mod-97-valid), IPv4 and IPv6 addresses (documentation ranges) and a home-directory user name.
 * Each has a `text` to plant (a message, a header) and, where one fits, a `key` to plant it under.
 * The values are stable, so snapshots stay stable; the list is a fresh copy on every call.
 *
 * @example
 * ```ts
 * for (const secret of plantedSecrets()) {
 *   Sentry.captureException(new Error(secret.text), {
 *     extra: secret.key ? { [secret.key]: secret.value } : {},
 *   });
 * }
 * await Sentry.flush();
 * assertNoSecrets(kit, plantedSecrets());
 * ```
 */
export function plantedSecrets(): PlantedSecret[] {
  return PLANTED_SECRETS.map((secret) => ({ ...secret }));
}

/**
 * The values of planted secrets by name: `{ password: 'Tr0ub4dor-…', … }`.
 *
 * @example
 * ```ts
 * const { email, cardVisa } = plantedSecretValues(plantedSecrets());
 * await request(app).post('/checkout').send({ email, card: cardVisa });
 * ```
 */
export function plantedSecretValues(
  planted: readonly PlantedSecret[] = PLANTED_SECRETS,
): Record<string, string> {
  return Object.fromEntries(planted.map(({ name, value }) => [name, value]));
}
