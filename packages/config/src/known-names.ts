/**
 * Names other Faultline packages accept, copied here because `@faultline/config` depends on none
 * of them. `test/known-names.test.ts` fails when either package changes its list.
 */

/** The built-in detectors of `@faultline/scrub` (its `DETECTOR_NAMES`). */
export const SCRUB_DETECTOR_NAMES = [
  'private-key',
  'auth-header',
  'jwt',
  'aws-access-key',
  'vendor-token',
  'url-credentials',
  'email',
  'webhook-url',
  'key-value',
  'markup',
  'ipv6',
  'card',
  'ssn',
  'iban',
  'ipv4',
  'home-directory',
] as const;

/** The default grouping rules of `@faultline/fingerprint` (its `DEFAULT_RULE_NAMES`), in the order they are tried. */
export const FINGERPRINT_RULE_NAMES = [
  'database',
  'auth',
  'rate-limit',
  'external-service',
  'validation',
] as const;
