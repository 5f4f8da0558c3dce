/**
 * What makes a planted secret sensitive: the `@faultline/scrub` detector that recognises it, or
 * `'key'` when only the key it sits under (`password=…`, `{ cvv: … }`) gives it away.
 *
 * @example
 * ```ts
 * const cards = plantedSecrets().filter((secret) => secret.kind === 'card');
 * ```
 */
export type PlantedSecretKind =
  | 'key'
  | 'private-key'
  | 'auth-header'
  | 'jwt'
  | 'aws-access-key'
  | 'vendor-token'
  | 'url-credentials'
  | 'email'
  | 'webhook-url'
  | 'markup'
  | 'ipv6'
  | 'card'
  | 'ssn'
  | 'iban'
  | 'ipv4'
  | 'home-directory';

/**
 * A secret to search for, with what is known about it.
 *
 * @example
 * ```ts
 * assertNoSecrets(kit, [{ name: 'pin', value: '4821', key: 'pin' }, { name: 'db', value: dbPassword }]);
 * ```
 */
export interface SecretDefinition {
  /** Names the secret in findings and error messages (the value itself is never shown). */
  name: string;
  /** The exact string that must not reach the wire. */
  value: string;
  /** `'email'` and `'ipv6'` are also searched lower-cased. */
  kind?: string;
  /**
   * A field name under which the value is sensitive. A value shorter than 6 characters (a CVV) is
   * searched only under this key: as `{ [key]: value }` and as `key=value` / `"key":"value"` in text.
   */
  key?: string;
}

/**
 * A realistic, fake secret of one kind, ready to plant; see `plantedSecrets`.
 *
 * @example
 * ```ts
 * const bearer = plantedSecrets().find((secret) => secret.name === 'bearerToken')!;
 * await fetch(url, { headers: { authorization: `Bearer ${bearer.value}` } });
 * ```
 */
export interface PlantedSecret extends SecretDefinition {
  kind: PlantedSecretKind;
  /** A realistic carrier that contains `value`, e.g. `Authorization: Bearer <token>`. */
  text: string;
}

/**
 * The secrets to look for: `{ name: value }`, a list of values (named `secrets[0]`, …), or
 * definitions such as the output of `plantedSecrets()`.
 *
 * @example
 * ```ts
 * const secrets: Secrets = { card: '4111 1111 1111 1111', email: 'jane@example.com' };
 * ```
 */
export type Secrets = Readonly<Record<string, string>> | readonly string[] | readonly SecretDefinition[];

/**
 * How a secret was found:
 * - `as-is`: the exact value;
 * - `json-escaped`: as it reads inside a JSON string (`\n`, `\"`, `\\`);
 * - `url-encoded` / `form-encoded`: in a percent-encoded string (`%40`, and `+` for spaces);
 * - `base64`: inside base64 or base64url text, at any byte alignment;
 * - `lower-case`: emails and IPv6 addresses, case-insensitively;
 * - `compact`: with whitespace and dashes removed on both sides (`4111-1111-…` for `4111 1111 …`);
 * - `keyed`: a short keyed secret under its key (`{ cvv: '737' }`, `cvv=737`).
 *
 * @example
 * ```ts
 * const encoded = findSecrets(kit, plantedSecrets()).filter((finding) => finding.variant !== 'as-is');
 * ```
 */
export type SecretVariant =
  | 'as-is'
  | 'json-escaped'
  | 'url-encoded'
  | 'form-encoded'
  | 'base64'
  | 'lower-case'
  | 'compact'
  | 'keyed';

/**
 * One place a secret was found.
 *
 * @example
 * ```ts
 * // { name: 'email', kind: 'email', variant: 'url-encoded', masked: 'ja…',
 * //   path: 'envelopes[0].items[0](event).request.url' }
 * const [finding] = findSecrets(kit, plantedSecrets());
 * ```
 */
export interface SecretFinding {
  /** The secret's name. */
  name: string;
  kind: string | undefined;
  variant: SecretVariant;
  /**
   * Where: `envelopes[2].items[0](event).exception.values[0].value` for a payload (the `(event)`
   * stands for `.payload` and names the item type), `envelopes[2].header.trace.user_id`,
   * `envelopes[2].items[0].header.filename`, `envelopes[2].raw`, or `$.user.email` for any other value.
   */
  path: string;
  /** The first two characters of the secret and `…` (only `…` under 12 characters): enough to recognise it, never the secret. */
  masked: string;
}
