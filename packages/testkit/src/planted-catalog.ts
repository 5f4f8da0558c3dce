import type { PlantedSecret, PlantedSecretKind } from './secret-types.js';

// Vendor-shaped values are put together from parts so that secret scanners reading this source
// (GitHub push protection, gitleaks) do not take the fakes for leaked credentials.
const part = (...parts: string[]): string => parts.join('');

const JWT = part(
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  '.eyJzdWIiOiJmYXVsdGxpbmUtdGVzdGtpdCIsIm5hbWUiOiJQbGFudGVkIFNlY3JldCIsImlhdCI6MTcwMDAwMDAwMH0',
  '.Zmx0ay1wbGFudGVkLW5vdC1hLXJlYWwtc2lnbmF0dXJl',
);

const PRIVATE_KEY = [
  part('-----BEGIN ', 'PRIVATE KEY-----'),
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCFaultlineTestkitPlantedKeyNotRealAAA',
  'ZmF1bHRsaW5lLXRlc3RraXQtcGxhbnRlZC1wcml2YXRlLWtleS1ub3QtcmVhbA==',
  part('-----END ', 'PRIVATE KEY-----'),
].join('\n');

/** A secret and its carrier text, built from the value so that the text always holds it. */
function planted(
  name: string,
  kind: PlantedSecretKind,
  value: string,
  key: string | undefined,
  carrier: (value: string) => string,
): PlantedSecret {
  return { name, kind, value, ...(key === undefined ? {} : { key }), text: carrier(value) };
}

/** Every planted secret; `plantedSecrets()` hands out copies. */
export const PLANTED_SECRETS: readonly PlantedSecret[] = [
  planted(
    'password',
    'key',
    'Tr0ub4dor-fltk-7Q2x',
    'password',
    (v) => `login failed for jane: password=${v}`,
  ),
  planted('apiKey', 'key', 'fltk9f8e7d6c5b4a3928170', 'api_key', (v) => `GET /v1/orders?api_key=${v}&page=2`),
  planted(
    'accessToken',
    'key',
    'at-fltk-1c2d3e4f5a6b7c8d',
    'access_token',
    (v) => `refresh {"access_token":"${v}"}`,
  ),
  planted(
    'awsSecretAccessKey',
    'key',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFLTKPLANTED',
    'aws_secret_access_key',
    (v) => `aws_secret_access_key = ${v}`,
  ),
  planted(
    'xmlApiKey',
    'markup',
    'xk-fltk-55aa66bb77cc',
    'apiKey',
    (v) => `<soap:Body><ns:ApiKey>${v}</ns:ApiKey></soap:Body>`,
  ),
  planted(
    'sessionCookie',
    'key',
    'sess-fltk-7Qm2wPlantedCookie9x',
    'session',
    (v) => `Cookie: session=${v}; theme=dark`,
  ),
  planted(
    'bearerToken',
    'auth-header',
    'fltk.B5f-4.1JqM8s2Xq0ZtPlanted',
    'authorization',
    (v) => `Authorization: Bearer ${v}`,
  ),
  // base64 of jane.doe:Pl4nted-Basic-Pass
  planted(
    'basicAuth',
    'auth-header',
    'amFuZS5kb2U6UGw0bnRlZC1CYXNpYy1QYXNz',
    'authorization',
    (v) => `proxy: Authorization: Basic ${v}`,
  ),
  planted('jwt', 'jwt', JWT, 'id_token', (v) => `session restored from ${v}`),
  planted(
    'awsAccessKeyId',
    'aws-access-key',
    part('AKIA', 'FLTESTKIT2PLANTD'),
    'access_key',
    (v) => `S3 denied access key ${v}`,
  ),
  planted(
    'stripeKey',
    'vendor-token',
    part('sk_', 'test_', '51FaultlineTestkitPlanted0Key'),
    'stripe_secret',
    (v) => `stripe with ${v}`,
  ),
  planted(
    'githubToken',
    'vendor-token',
    part('gh', 'p_', 'FaultlineTestkitPlantedToken0123456789'),
    'github_token',
    (v) => `git fetch with ${v} failed`,
  ),
  planted(
    'slackToken',
    'vendor-token',
    part('xo', 'xb-', '2048-4096-FaultlineTestkitPlanted'),
    'slack_token',
    (v) => `chat.postMessage rejected ${v}`,
  ),
  planted(
    'slackWebhookUrl',
    'webhook-url',
    'T0FLTKIT1/B0PLANTED2/FaultlineWebhookSecret24',
    undefined,
    (v) => `alert post to ${part('https://hooks.', 'slack.com/services/')}${v} timed out`,
  ),
  planted('privateKey', 'private-key', PRIVATE_KEY, 'private_key', (v) => `loaded key ${v}`),
  planted(
    'databasePassword',
    'url-credentials',
    'Db-S3cr3t-fltk-Planted',
    'db_password',
    (v) => `connect ECONNREFUSED postgres://orders_app:${v}@db.internal:5432/orders`,
  ),
  planted(
    'email',
    'email',
    'jane.planted.fltk@example.com',
    'email',
    (v) => `invoice 1042 could not be sent to ${v}`,
  ),
  planted(
    'cardVisa',
    'card',
    '4539 1488 0343 6467',
    'card_number',
    (v) => `Gateway declined card ${v} (insufficient funds)`,
  ),
  planted(
    'cardMastercard',
    'card',
    '5457-6203-9417-3522',
    'card_number',
    (v) => `charge of 12.00 EUR on ${v} failed`,
  ),
  planted('cardAmex', 'card', '378282231048008', 'card_number', (v) => `tokenizing pan ${v} timed out`),
  // A CVV is too short to search alone: it is searched under its key, `cvv=737` or `{ cvv: '737' }`.
  planted('cvv', 'key', '737', 'cvv', (v) => `payment declined: cvv=${v} does not match`),
  planted('ssn', 'ssn', '219-09-9999', 'ssn', (v) => `KYC check rejected SSN ${v}`),
  planted('iban', 'iban', 'GB38FLTK40516273849506', 'iban', (v) => `SEPA payout to ${v} bounced`),
  planted('ipv4', 'ipv4', '203.0.113.57', 'client_ip', (v) => `too many requests from ${v}`),
  planted('ipv6', 'ipv6', '2001:db8:85a3::8a2e:370:7334', 'client_ip', (v) => `connection reset by ${v}`),
  planted(
    'homeDirectory',
    'home-directory',
    'jdoe_fltk7q',
    undefined,
    (v) => `ENOENT: no such file, open '/home/${v}/shop/.env'`,
  ),
];
