/** fast-check arbitraries for property.test.ts: valid values of every variable, and junk. */
import fc from 'fast-check';
import { FINGERPRINT_RULE_NAMES, SCRUB_DETECTOR_NAMES, VARIABLES } from '../src/index.js';

type Name = (typeof VARIABLES)[number]['name'];

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`;
const HEX = '0123456789abcdef';

const label = chars(`${LOWER}0123456789`, 1, 10);
const host = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), chars(LOWER, 2, 6))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const email = fc
  .tuple(label, label, chars(LOWER, 2, 6))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const password = fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent);
const port = fc.integer({ min: 1, max: 65_535 });
const commaList = <T>(item: fc.Arbitrary<T>) =>
  fc.uniqueArray(item, { maxLength: 4, selector: (value) => String(value) }).map((items) => items.join(','));
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map(String);
const durationText = fc.oneof(
  fc.integer({ min: 1, max: 2_000_000_000 }).map(String),
  fc.integer({ min: 1, max: 86_400 }).map((seconds) => `${seconds}s`),
  fc.integer({ min: 1, max: 1_440 }).map((minutes) => `${minutes}m`),
  fc.integer({ min: 1, max: 500 }).map((hours) => `${hours}h`),
);
const booleanText = fc.constantFrom('true', 'false', 'TRUE', 'False', '1', '0', 'yes', 'no', 'Yes');

/** A valid value of each variable, as it would be written in the environment. */
export const VALID_VALUES: Record<Name, fc.Arbitrary<string>> = {
  SENTRY_DSN: fc
    .tuple(chars(HEX, 32, 32), host, fc.integer({ min: 0, max: 1e9 }))
    .map(([key, at, project]) => `https://${key}@${at}/${project}`),
  SENTRY_ENVIRONMENT: chars(`${ALNUM}_.-`, 1, 20).filter((text) => text !== 'None'),
  APP_VERSION: chars(`${ALNUM}@._+-`, 1, 30).filter((text) => text !== '.' && text !== '..'),
  SENTRY_TRACES_SAMPLE_RATE: fraction,
  SENTRY_PROFILES_SAMPLE_RATE: fraction,
  SENTRY_CRITICAL_ERROR_THRESHOLD: fc.integer({ min: 1, max: 1e9 }).map(String),
  SENTRY_CRITICAL_ERROR_WINDOW: durationText,
  SENTRY_ERROR_RATE_THRESHOLD: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }).map(String),
  SENTRY_ERROR_RATE_MIN_REQUESTS: fc.integer({ min: 1, max: 1e9 }).map(String),
  SENTRY_ALERT_REPEAT_INTERVAL: durationText,
  SENTRY_ALERT_REDIS_URL: fc
    .tuple(fc.constantFrom('redis', 'rediss'), password, host, port, fc.integer({ min: 0, max: 15 }))
    .map(([scheme, secret, at, number, db]) => `${scheme}://:${secret}@${at}:${number}/${db}`),
  SENTRY_EMAIL_ALERTS_ENABLED: booleanText,
  SENTRY_ALERT_EMAIL_RECIPIENTS: commaList(email),
  SENTRY_ALERT_EMAIL_FROM: fc.oneof(
    email,
    email.map((address) => `Faultline Alerts <${address}>`),
  ),
  SMTP_URL: fc
    .tuple(fc.constantFrom('smtp', 'smtps'), label, password, host, port)
    .map(([scheme, user, secret, at, number]) => `${scheme}://${user}:${secret}@${at}:${number}`),
  SENTRY_SLACK_ALERTS_ENABLED: booleanText,
  SENTRY_SLACK_WEBHOOK_URL: fc.oneof(
    chars(ALNUM, 8, 40).map((token) => `https://hooks.slack.com/services/T0/B0/${token}`),
    port.map((number) => `http://localhost:${number}/slack`),
  ),
  SENTRY_SLACK_CHANNEL: label.map((name) => `#${name}`),
  FAULTLINE_SCRUB_ENABLED: booleanText,
  FAULTLINE_SCRUB_EXTRA_KEYS: commaList(chars(`${ALNUM}_-`, 1, 12)),
  FAULTLINE_SCRUB_ALLOW_KEYS: commaList(chars(`${ALNUM}_-`, 1, 12)),
  FAULTLINE_SCRUB_ALLOW_PATHS: commaList(
    fc
      .array(fc.oneof(label, fc.constantFrom('*', '**')), { minLength: 1, maxLength: 4 })
      .map((steps) => steps.join('.')),
  ),
  FAULTLINE_SCRUB_DISABLED_DETECTORS: fc.subarray([...SCRUB_DETECTOR_NAMES]).map((names) => names.join(',')),
  FAULTLINE_SCRUB_PSEUDONYM_KEY: chars(HEX, 16, 64),
  FAULTLINE_FINGERPRINT_ENABLED: booleanText,
  FAULTLINE_FINGERPRINT_DISABLED_RULES: fc
    .subarray([...FINGERPRINT_RULE_NAMES])
    .map((names) => names.join(',')),
  FAULTLINE_FINGERPRINT_SERVICES: fc
    .uniqueArray(fc.tuple(host, label), { maxLength: 3, selector: ([at]) => at })
    .map((pairs) => pairs.map(([at, name]) => `${at}=${name}`).join(',')),
};

const isTrue = (text: string | undefined) => /^(?:true|1|yes)$/i.test(text ?? '');

/** A valid environment: any subset of the variables with valid values, made consistent. */
export const validEnv = fc.record(VALID_VALUES, { requiredKeys: [] }).map((env): Record<string, string> => {
  const fixed: Record<string, string> = { ...env };
  const emailOn =
    fixed.SENTRY_EMAIL_ALERTS_ENABLED === undefined
      ? !!fixed.SENTRY_ALERT_EMAIL_RECIPIENTS
      : isTrue(fixed.SENTRY_EMAIL_ALERTS_ENABLED);
  if (emailOn) {
    fixed.SMTP_URL ??= 'smtp://localhost:1025';
    if (!fixed.SENTRY_ALERT_EMAIL_RECIPIENTS) fixed.SENTRY_ALERT_EMAIL_RECIPIENTS = 'oncall@example.com';
  }
  if (isTrue(fixed.SENTRY_SLACK_ALERTS_ENABLED))
    fixed.SENTRY_SLACK_WEBHOOK_URL ??= 'http://localhost:8080/slack';
  return fixed;
});

const NAMES = [...VARIABLES.map((definition) => definition.name), 'NODE_ENV', 'FAULTLINE_TYPO', 'PATH'];

/** Any map of strings, biased to the variables Faultline reads and to values close to valid ones. */
export const anyEnv = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...NAMES),
    fc.string(),
    fc.string().map((text) => `FAULTLINE_${text}`),
  ),
  fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      ' ',
      'true',
      '0',
      '1.5',
      '-1',
      '60s',
      'https://',
      'http://localhost',
      ',',
      '=',
      '%zz',
    ),
    fc.oneof(...Object.values(VALID_VALUES)),
    fc
      .oneof(...Object.values(VALID_VALUES))
      .chain((text) =>
        fc
          .tuple(fc.nat(text.length), fc.string({ maxLength: 3 }))
          .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
      ),
  ),
  { maxKeys: 12 },
);
