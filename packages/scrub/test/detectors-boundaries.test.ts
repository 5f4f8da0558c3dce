import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

/**
 * Where one detector's match ends and the next text begins: a secret must not be cut in two by a
 * label before it, nor swallowed into a longer non-matching run by what follows it.
 */
const F = '[Filtered]';

describe('a sensitive label before a spaced number leaves no part of it', () => {
  const scrubber = createScrubber();
  it.each([
    ['card_number: 4111 1111 1111 1111', '1111 1111'],
    ['cc_number=5555 5555 5555 4444&step=2', '5555 4444'],
    ['credit_card: 3782 822463 10005', '822463'],
    ['SSN: 123 45 6789', '45 6789'],
    ['ssn=078 05 1120', '05 1120'],
    ['IBAN: DE89 3704 0044 0532 0130 00', '0532 0130'],
    ['iban=GB82 WEST 1234 5698 7654 32', '5698 7654'],
  ])('%s', (text, rest) => {
    const output = scrubber.scrubString(text);
    expect(output).toContain(F);
    expect(output).not.toContain(rest);
  });
});

describe('an IBAN followed by a short uppercase word is still found', () => {
  const scrubber = createScrubber();
  it.each([
    ['transfer ES9121000418450200051332 EUR', 'ES9121000418450200051332'],
    ['IBAN AT61 1904 3002 3457 3201 USD', 'AT61 1904 3002 3457 3201'],
    ['BE68539007547034 OK', 'BE68539007547034'],
  ])('%s', (text, secret) => {
    expect(scrubber.scrubString(text)).not.toContain(secret);
  });
});

describe('a card number followed by more digits is still found', () => {
  const scrubber = createScrubber();
  it.each([
    ['card 4111 1111 1111 1111 12/30', '4111 1111 1111 1111'], // then its expiry
    ['pay 4111 1111 1111 1111 737 now', '4111 1111 1111 1111'], // then its CVV
    ['cards 3782 822463 10005 4111 1111 1111 1111', '822463'], // a list
  ])('%s', (text, secret) => {
    expect(scrubber.scrubString(text)).not.toContain(secret);
  });
});
