/** fast-check arbitraries for property.test.ts: realistic secrets, innocent text, and events holding them. */
import fc from 'fast-check';

const chars = (alphabet: string, minLength: number, maxLength = minLength) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz${DIGITS}`;
const BASE64URL = `${ALNUM}_-`;
const HEX = '0123456789abcdef';

/** A realistic secret and the strings that must not appear anywhere in the scrubbed output. */
export interface Secret {
  kind: string;
  text: string;
  needles: string[];
}

// ---------------------------------------------------------------- secrets

function luhnCheckDigit(partial: string): string {
  let sum = 0;
  for (let i = partial.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = Number(partial[i]);
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

const BRANDS: Array<[prefixes: string[], lengths: number[]]> = [
  [['4'], [13, 16, 19]], // Visa
  [['51', '53', '55', '2221', '2500', '2720'], [16]], // Mastercard
  [['34', '37'], [15]], // Amex
  [
    ['6011', '65', '644'],
    [16, 19],
  ], // Discover
  [['3528', '3566', '3589'], [16]], // JCB
  [['36', '38', '300', '305'], [14]], // Diners
  [['62'], [16, 17, 18, 19]], // UnionPay
  [
    ['50', '6759', '63'],
    [12, 16, 19],
  ], // Maestro
];

const card: fc.Arbitrary<Secret> = fc
  .constantFrom(...BRANDS)
  .chain(([prefixes, lengths]) => fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(...lengths)))
  .chain(([prefix, length]) =>
    fc
      .tuple(chars(DIGITS, length - prefix.length - 1), fc.constantFrom('', ' ', '-'))
      .map(([body, separator]) => {
        const digits = prefix + body + luhnCheckDigit(prefix + body);
        const text = digits.match(/.{1,4}/g)!.join(separator);
        return { kind: 'card', text, needles: [text, digits] };
      }),
  );

const IBAN_COUNTRIES: Array<[country: string, length: number, bankLetters: number]> = [
  ['DE', 22, 0],
  ['FR', 27, 0],
  ['ES', 24, 0],
  ['CH', 21, 0],
  ['BE', 16, 0],
  ['NO', 15, 0],
  ['PL', 28, 0],
  ['AT', 20, 0],
  ['GB', 22, 4],
  ['NL', 18, 4],
  ['IE', 22, 4],
];

function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = Number.parseInt(char, 36);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

const iban: fc.Arbitrary<Secret> = fc.constantFrom(...IBAN_COUNTRIES).chain(([country, length, letters]) =>
  fc
    .tuple(chars(UPPER, letters), chars(DIGITS, length - 4 - letters), fc.boolean())
    .map(([bank, account, grouped]) => {
      const bban = bank + account;
      const check = String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
      const compact = `${country}${check}${bban}`;
      const text = grouped ? compact.match(/.{1,4}/g)!.join(' ') : compact;
      return { kind: 'iban', text, needles: [text, compact] };
    }),
);

const email: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('jane', 'john.roe', 'ops-lead', 'j_doe', 'billing+eu', 'mx'),
    fc.integer({ min: 0, max: 9999 }),
    fc.constantFrom('example.com', 'mail.example.co.uk', 'corp-example.org', 'x.io'),
    fc.constantFrom('@', '%40'),
  )
  .map(([name, n, domain, at]) => {
    const local = `${name}${n}`;
    return { kind: 'email', text: `${local}${at}${domain}`, needles: [`${local}@`, `${local}%40`] };
  });

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('HS256', 'RS256', 'ES256'),
    fc.uuid(),
    fc.nat(),
    fc.uint8Array({ minLength: 32, maxLength: 64 }),
  )
  .map(([alg, sub, iat, signature]) => {
    const sig = Buffer.from(signature).toString('base64url');
    const text = `${base64url({ alg, typ: 'JWT' })}.${base64url({ sub, iat })}.${sig}`;
    return { kind: 'jwt', text, needles: [text, sig] };
  });

const awsKey: fc.Arbitrary<Secret> = fc
  .tuple(fc.constantFrom('AKIA', 'ASIA'), chars(UPPER + DIGITS, 16))
  .map(([prefix, rest]) => ({ kind: 'aws', text: prefix + rest, needles: [prefix + rest] }));

const vendorToken: fc.Arbitrary<Secret> = fc
  .oneof(
    fc.tuple(fc.constantFrom('ghp_', 'gho_', 'npm_'), chars(ALNUM, 36)),
    fc.tuple(fc.constantFrom('sk_live_', 'sk_test_', 'rk_live_'), chars(ALNUM, 24, 40)),
    fc.tuple(fc.constantFrom('glpat-'), chars(BASE64URL, 20)),
    fc.tuple(fc.constantFrom('AIza'), chars(BASE64URL, 35)),
    fc.tuple(fc.constantFrom('sk-proj-'), chars(BASE64URL, 40, 64)),
    fc
      .tuple(chars(DIGITS, 12), chars(DIGITS, 13), chars(ALNUM, 24))
      .map(([a, b, c]) => ['xoxb-', `${a}-${b}-${c}`] as [string, string]),
    fc
      .tuple(chars(BASE64URL, 22), chars(BASE64URL, 43))
      .map(([a, b]) => ['SG.', `${a}.${b}`] as [string, string]),
  )
  .map(([prefix, rest]) => ({ kind: 'token', text: prefix + rest, needles: [prefix + rest] }));

const BASE64 = `${ALNUM}+/`;
const pem: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ', ''),
    fc.array(chars(BASE64, 64), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([type, lines, cutOff]) => {
    const begin = `-----BEGIN ${type}PRIVATE KEY-----\n${lines.join('\n')}`;
    const text = cutOff ? begin : `${begin}\n-----END ${type}PRIVATE KEY-----`;
    return { kind: 'pem', text, needles: lines };
  });

const urlPassword: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('postgres', 'postgresql', 'mysql', 'redis', 'mongodb+srv', 'amqp', 'https'),
    fc.constantFrom('', 'app', 'admin', 'svc_user', 'jane.doe'),
    chars(`${ALNUM}!$*~._-`, 6, 20),
    fc.constantFrom('', '@', '%40', ':', '%2F'),
    fc.constantFrom('db.internal', 'cluster0.ab1cd.mongodb.net', 'cache', '10.0.0.5'),
    fc.constantFrom('', ':5432', ':6379'),
  )
  .map(([scheme, user, body, special, host, port]) => {
    const password = `Pw${body.slice(0, 3)}${special}${body.slice(3)}`;
    return { kind: 'url', text: `${scheme}://${user}:${password}@${host}${port}/app`, needles: [password] };
  });

const ssn: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }),
    fc.constantFrom('-', ' '),
  )
  .map(([area, group, serial, separator]) => {
    const text = [
      String(area).padStart(3, '0'),
      String(group).padStart(2, '0'),
      String(serial).padStart(4, '0'),
    ].join(separator);
    return { kind: 'ssn', text, needles: [text] };
  });

export const secret = fc.oneof(card, iban, email, jwt, awsKey, vendorToken, pem, urlPassword, ssn);

// ---------------------------------------------------------------- innocent material

const WORDS = (
  'request failed while processing order retry queue worker cache miss upstream timeout handler job done ' +
  'started account invoice report batch sync export render page status ok error service deploy shipping ' +
  'cart item from to for with on at in of and then Checkout GET POST'
).split(' ');
const KEYS =
  'data items meta info payload details list body context note message label title status kind result'.split(
    ' ',
  );

const word = fc.constantFrom(...WORDS);
export const key = fc.constantFrom(...KEYS);
export const words = (maxLength: number, minLength = 0) =>
  fc.array(word, { minLength, maxLength }).map((list) => list.join(' '));

/** Free text with no secret in it: words, ids, numbers below 1e9, uuids, hashes, routes, timestamps, versions. */
const innocentToken = fc.oneof(
  word,
  fc.tuple(word, fc.integer({ min: 0, max: 999_999_999 })).map(([w, n]) => `${w} ${n}`),
  fc.tuple(word, fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 })).map(([w, n]) => `${w} ${n}`),
  chars(HEX, 32), // trace / event id
  // span id; never all digits (an all-digit 16-digit run is indistinguishable from a card number)
  fc
    .tuple(chars(HEX, 15), fc.constantFrom(...'abcdef'), fc.nat(15))
    .map(([h, l, at]) => h.slice(0, at) + l + h.slice(at)),
  fc.uuid(),
  chars(HEX, 40), // sha1
  chars(HEX, 64), // sha256
  fc.array(word, { minLength: 1, maxLength: 3 }).map((segments) => `/api/${segments.join('/')}/:id`),
  fc.tuple(word, fc.nat(99_999)).map(([segment, id]) => `/api/${segment}/${id}`),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.tuple(fc.nat(30), fc.nat(30), fc.nat(300)).map(([a, b, c]) => `v${a}.${b}.${c}`),
  fc.tuple(word, fc.double({ min: 0, max: 1e6, noNaN: true })).map(([w, x]) => `${w} ${x.toFixed(3)}`),
);
export const innocentText = fc
  .array(innocentToken, { minLength: 1, maxLength: 12 })
  .map((tokens) => tokens.join(' '));

const leaf = fc.oneof(innocentText, fc.integer({ min: -1e9, max: 1e9 }), fc.boolean(), fc.constant(null));
export const tree = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, leaf, tie('object'), tie('array')),
  object: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  array: fc.array(tie('node'), { maxLength: 4 }),
})).node;

type Step = { key: string } | { index: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  key.map((k) => ({ key: k })),
  fc.nat(3).map((index) => ({ index })),
);

/** Punctuation a secret is often written between. */
const WRAPS: Array<[string, string]> = [
  ['', ''],
  ['"', '"'],
  ["'", "'"],
  ['(', ')'],
  ['<', '>'],
  ['[', ']'],
  ['', '.'],
  ['', ','],
  ['', ';'],
  ['', ':'],
  ['', '\n'],
];

/** A random JSON-like event with one secret planted somewhere: in text, as a key, or in a JSON string. */
export const planted = fc
  .record({
    secret,
    before: words(5),
    after: words(5),
    steps: fc.array(step, { maxLength: 5 }),
    mode: fc.constantFrom('value', 'key', 'json'),
    background: fc.dictionary(key, tree, { maxKeys: 5 }),
    plantKey: key,
    filler: leaf,
    wrap: fc.constantFrom(...WRAPS),
  })
  .map(({ secret, before, after, steps, mode, background, plantKey, filler, wrap }) => {
    const text = [before, wrap[0] + secret.text + wrap[1], after].filter(Boolean).join(' ');
    let value: unknown = mode === 'key' ? { [text]: filler } : text;
    for (const s of [...steps].reverse())
      value = 'key' in s ? { [s.key]: value } : [...Array.from({ length: s.index }, () => filler), value];
    if (mode === 'json') value = JSON.stringify(value);
    return { secret, root: { ...background, [plantKey]: value } as Record<string, unknown> };
  });

export function leaks(output: unknown, { needles }: Secret): string[] {
  const json = JSON.stringify(output);
  return needles.filter((needle) => json.includes(needle));
}
