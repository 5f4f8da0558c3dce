// Adversarial strings for the fuzz targets: strings built from the fragments the detectors look
// for, huge strings, and the testkit's planted secrets in forms the scrubber documents.
import { type PlantedSecret, plantedSecrets } from '@faultline/testkit';
import fc from 'fast-check';

export const PLANTED: readonly PlantedSecret[] = plantedSecrets();

/**
 * Pieces of what the detectors look for, and of what breaks naive patterns. None is a planted
 * secret: a planted secret glued to random fragments may stop being one (a card number followed by
 * more digits is no card number), so secrets are planted only by `plantedLeaf`, in forms the
 * scrubber documents.
 */
const FRAGMENTS = [
  '4111',
  '4111 1111 1111 1111',
  ' ',
  '-',
  '.',
  '@',
  '=',
  ':',
  '//',
  '%40',
  '"',
  "'",
  '\\',
  '\n',
  '<',
  '>',
  '</',
  'example.com',
  'Bearer ',
  'Basic ',
  'Authorization: ',
  'eyJ',
  'eyJhbGciOiJIUzI1NiJ9.',
  'AKIA',
  'sk_live_',
  'ghp_',
  'xoxb-',
  'https://',
  'postgres://',
  'user:pass@',
  'hooks.slack.com/services/',
  '-----BEGIN ',
  'PRIVATE KEY-----',
  '-----END ',
  'password',
  'token=',
  'api_key=',
  'GB82',
  'WEST',
  '12345678',
  '219-09-',
  '::',
  '203.0.113.',
  '2001:db8:',
  '/home/',
  '/Users/',
  'C:\\Users\\',
  '{"',
  '":"',
  '&',
  '?',
  '#',
  '\u0000',
  '\u200b',
  '🔥',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** A string made of detector fragments and short random pieces. */
export const fragmentString = fc
  .array(fc.oneof(fragment, fc.string({ maxLength: 4, unit: 'binary' })), { maxLength: 24 })
  .map((parts) => parts.join(''));

/**
 * 10k–100k characters of one repeated pattern (with or without a different last character): what
 * makes a pattern with nested quantifiers backtrack for minutes. The scrubber reads about 10 MB/s
 * of such text, so they are rare among the strings (1 in 26) to keep a run about a millisecond.
 */
export const hugeString = fc
  .tuple(
    fc.oneof(
      fragment,
      fragmentString.filter((text) => text.length > 0),
    ),
    fc.integer({ min: 10_000, max: 100_000 }),
    fc.boolean(),
  )
  .map(
    ([unit, length, tail]) =>
      unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + (tail ? '!' : ''),
  );

/** Any string, weighted towards the ones detectors care about; rarely a huge one. */
export const adversarialString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 10 },
  { arbitrary: fragmentString, weight: 15 },
  { arbitrary: hugeString, weight: 1 },
);

/** A planted secret in a form the scrubber must recognise. */
export const plantedLeaf: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PLANTED), fc.nat(5), fragmentString, fragmentString)
  .map(([secret, form, before, after]) => planted(secret, form, before, after));

/** Kinds whose value alone, with no key and no context, is recognised by content. */
const SELF_EVIDENT = new Set([
  'private-key',
  'jwt',
  'aws-access-key',
  'vendor-token',
  'email',
  'card',
  'ssn',
  'iban',
  'ipv4',
  'ipv6',
]);

function planted(secret: PlantedSecret, form: number, before: string, after: string): unknown {
  const digits = secret.kind === 'card' ? secret.value.replace(/\D/g, '') : '';
  switch (form) {
    case 0:
      return secret.key ? { [secret.key]: secret.value } : secret.text;
    case 1:
      return `${before} ${secret.text} ${after}`; // the carrier inside other text, space-separated
    case 2:
      return SELF_EVIDENT.has(secret.kind) ? secret.value : secret.text;
    case 3:
      return digits ? Number(digits) : secret.text; // a card number as a number
    case 4:
      return digits ? BigInt(digits) : { note: secret.text };
    default:
      return secret.key ? new Map([[secret.key, secret.value]]) : [secret.text];
  }
}
