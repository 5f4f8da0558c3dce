import { describe, expect, it } from 'vitest';
import { createScrubber, DETECTOR_NAMES, type DetectorName } from '../src/index.js';

/**
 * Inputs of 1 MB built against each detector's pattern: near-misses repeated, so that a regex that
 * backtracks, or a scan that restarts at every candidate, goes quadratic or worse. There are no
 * timed assertions: each test has a timeout, and a catastrophic pattern fails it by timing out.
 */
const MB = 1 << 20;
const TIMEOUT = 10_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));

const ATTACKS: Record<DetectorName, Array<[string, string]>> = {
  'private-key': [
    ['BEGIN lines without END', fill('-----BEGIN PRIVATE KEY-----\n')],
    ['bare BEGIN markers', fill('-----BEGIN ')],
    ['END lines without BEGIN', fill('-----END RSA PRIVATE KEY-----')],
    ['a run of dashes', fill('-')],
  ],
  'url-credentials': [
    ['a scheme and a long userinfo without @', `postgres://${fill('a')}`],
    ['schemes repeated', fill('postgres://')],
    ['user:password pairs without @', `mongodb+srv://${fill('a:')}`],
    ['scheme-like runs', fill('a+b.c-')],
  ],
  'webhook-url': [
    ['webhook prefixes repeated', fill('hooks.slack.com/services/')],
    ['a webhook path of slashes', `https://hooks.slack.com/services/${fill('a/')}`],
    ['Discord prefixes repeated', fill('discord.com/api/webhooks/')],
  ],
  'key-value': [
    ['a:" repeated', fill('a:"')],
    ['a= repeated', fill('a=')],
    ['password= repeated', fill('password=')],
    ['unterminated quoted values', fill('"password":"')],
    ["token=' repeated", fill("token='")],
    ['one long key', `${fill('a')}=1`],
    ['a run of colons', fill(':')],
    ['a run of equals signs', fill('=')],
  ],
  markup: [
    ['open tags without a close', fill('<password>a')],
    ['an element with endless content', `<password>${fill('a')}`],
    ['endless attributes', `<token ${fill('a=1 ')}`],
    ['nested open tags', fill('<a><b>')],
  ],
  'auth-header': [
    ['Bearer repeated', fill('Bearer ')],
    ['an endless Bearer credential', `Bearer ${fill('A')}`],
    ['an endless Basic credential', `Basic ${fill('QUJD')}`],
    ['schemes and tabs', fill('Token\t')],
  ],
  jwt: [
    ['eyJ and a long base64 run without dots', `eyJ${fill('A')}`],
    ['eyJ repeated', fill('eyJ')],
    ['one-dot segments', fill('eyJabcde.')],
    ['dots in an eyJ run', `eyJ${fill('a.')}`],
  ],
  'aws-access-key': [
    ['AKIA repeated', fill('AKIA')],
    ['AKIA and a long uppercase run', `AKIA${fill('A')}`],
  ],
  'vendor-token': [
    ['sk_live_ repeated', fill('sk_live_')],
    ['sk- and a long run', `sk-${fill('a')}`],
    ['ghp_ repeated', fill('ghp_')],
    ['xoxb- and a run of dashes', `xoxb-${fill('-')}`],
    ['SG. repeated', fill('SG.')],
    ['glpat- and a long run', `glpat-${fill('a')}`],
  ],
  card: [
    ['a run of 1M digits', fill('1')],
    ['1 1 1 1 …', fill('1 ')],
    ['1-1-1-1 …', fill('1-')],
    ['1+1+1+1 …', fill('1+')],
    ['1%201%201 …', fill('1%20')],
    ['groups of four digits, form-encoded', fill('4111+')],
    ['groups of four digits', fill('4111 ')],
    ['Luhn-valid cards back to back', fill('4111111111111111 ')],
  ],
  ssn: [
    ['123-45- repeated', fill('123-45-')],
    ['123 45 repeated', fill('123 45 ')],
  ],
  iban: [
    ['country and check digits repeated', fill('DE89')],
    ['groups of four forever', `DE89 ${fill('ABCD ')}`],
    ['an endless BBAN', `DE89${fill('A')}`],
  ],
  email: [
    ['a long run of local-part characters without @', fill('a')],
    ['dots and letters', fill('a.')],
    ['percent signs', fill('a%')],
    ['a@b repeated', fill('a@b')],
    ['a domain of dots', `a@${fill('b.')}`],
    ['%40 repeated', fill('%40')],
    ['a run of @', fill('@')],
  ],
  ipv4: [
    ['1. repeated', fill('1.')],
    ['255. repeated', fill('255.')],
    ['addresses chained with dots', fill('1.1.1.1.')],
  ],
  ipv6: [
    ['a hex run', fill('a')],
    ['hex and colons', fill('a:')],
    ['colons, digits and dots', fill('1:1.')],
    ['double colons', fill('ffff::')],
  ],
  'home-directory': [
    ['/home/ repeated', fill('/home/')],
    ['/home/a repeated', fill('/home/a')],
    ['Windows prefixes repeated', fill('C:\\Users\\')],
    ['a user name without a slash', `/Users/${fill('a')}`],
  ],
};

const scrubber = createScrubber();

describe('adversarial 1 MB inputs', () => {
  it('has attacks for every built-in detector', () => {
    expect(Object.keys(ATTACKS).sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  for (const name of DETECTOR_NAMES) {
    describe(name, () => {
      for (const [label, attack] of ATTACKS[name]) {
        it(
          label,
          () => {
            const text = `password=hunter2 ${attack} end mail jane.doe@example.com`;
            const result = scrubber.scrubString(text);
            expect(typeof result).toBe('string');
            expect(result.startsWith('password=[Filtered] ')).toBe(true);
            expect(result).not.toContain('hunter2');
            expect(result).not.toContain('jane.doe@example.com');
          },
          TIMEOUT,
        );
      }
    });
  }
});

describe('one kind of separator at scale', () => {
  // Text with only `:` or only `=`: a scan that looks for the next of each from scratch at every
  // separator is quadratic. At 1 MB that may still finish inside the timeout; at 4 MB it does not.
  it.each([
    ['a= repeated', 'a='],
    ['a:" repeated', 'a:"'],
  ])(
    '4 MB of %s',
    (_, unit) => {
      const text = `password=hunter2 ${unit.repeat(Math.ceil((4 * MB) / unit.length))} end mail jane.doe@example.com`;
      expect(scrubber.scrubString(text)).not.toMatch(/hunter2|jane\.doe/);
    },
    TIMEOUT,
  );
});

describe('adversarial structures', () => {
  it(
    'a 1 MB JSON string with a secret after a long value',
    () => {
      const text = `{"note":"${fill('x')}","password":"hunter2"}`;
      expect(scrubber.scrubString(text)).not.toContain('hunter2');
    },
    TIMEOUT,
  );

  it(
    'unbalanced brackets that look like JSON',
    () => {
      const text = `[${fill('[')} password=hunter2 ]`;
      expect(scrubber.scrubString(text)).not.toContain('hunter2');
    },
    TIMEOUT,
  );

  it(
    'an event whose every string is 1 MB of near-misses',
    () => {
      const attacks = Object.values(ATTACKS).map((list) => list[0]![1]);
      const event = {
        message: 'mail jane.doe@example.com',
        extra: Object.fromEntries(attacks.map((a, i) => [`a${i}`, a])),
      };
      const result = scrubber.scrubEvent(event)!;
      expect(result.message).toBe('mail [Filtered]');
    },
    TIMEOUT * 3,
  );

  it(
    'a wide object of 100,000 keys',
    () => {
      const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`key${i}`, `value ${i}`]));
      const result: Record<string, unknown> = scrubber.scrubValue({ ...wide, password: 'hunter2' });
      expect(result.password).toBe('[Filtered]');
      expect(result.key99999).toBe('value 99999');
    },
    TIMEOUT,
  );
});
