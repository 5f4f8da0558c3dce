import { type Detector, Family } from './detector.js';

/**
 * Groups of digits split by single spaces or dashes (also a space encoded in a URL or a form: `+`,
 * `%20`), not part of a word or a decimal. A card is looked for inside the run, at group
 * boundaries, so `4111 1111 1111 1111 737` and `ref 12 4111 1111 1111 1111` are found too. The
 * lookbehind lets a run start only once.
 */
const DIGIT_GROUPS = /(?<![\w.,-])\d{1,19}(?:(?:[ +-]|%20)\d{1,19}){0,30}(?![\w-]|[.,]\d)/g;
const GROUP = /\d+/g;
const SEPARATOR = /[ +-]|%20/g;
/** `%20` as three characters that are not digits, so that group offsets stay those of the run. */
const ENCODED_SPACE = /%20/g;

/** Every card number starts with four digits and has four more after at most one separator. */
const CARD_START = /\d{4}(?:[ +-]|%20)?\d{4}/;

/** Luhn checksum over the digits of `digits`. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes (IIN ranges) and lengths of the major card brands. */
export function hasCardBrand(digits: string): boolean {
  const length = digits.length;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  const six = Number(digits.slice(0, 6));
  if (digits[0] === '4') return length === 13 || length === 16 || length === 19; // Visa
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return length === 16; // Mastercard
  if (two === 34 || two === 37) return length === 15; // American Express
  if (four === 6011 || two === 65 || (three >= 644 && three <= 649) || (six >= 622126 && six <= 622925))
    return length >= 16 && length <= 19; // Discover
  if (two === 62) return length >= 16 && length <= 19; // UnionPay
  if (four >= 3528 && four <= 3589) return length >= 16 && length <= 19; // JCB
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305))
    return length >= 14 && length <= 19; // Diners
  if (two === 50 || (two >= 56 && two <= 69)) return length >= 12 && length <= 19; // Maestro
  if (four === 2200 || four === 2201 || four === 2202 || four === 2203 || four === 2204) return length === 16; // Mir
  return false;
}

/** True when `text` (digits with optional separators) is a Luhn-valid number of a card brand. */
export function isCardNumber(text: string): boolean {
  const digits = text.replace(SEPARATOR, '');
  return hasCardBrand(digits) && passesLuhn(digits);
}

/**
 * The card numbers inside a run of digit groups: from each group, the longest span of whole groups
 * holding 12–19 digits that is a card. Each start tries at most a few ends, so this is linear.
 */
function cardSpans(run: string): [number, number][] {
  const groups = [...run.replace(ENCODED_SPACE, '%--').matchAll(GROUP)].map(
    (match) => [match.index, match.index + match[0].length] as const,
  );
  const spans: [number, number][] = [];
  let first = 0;
  while (first < groups.length) {
    let digits = 0;
    let best = -1;
    for (let last = first; last < groups.length; last++) {
      const [start, end] = groups[last]!;
      digits += end - start;
      if (digits > 19) break;
      if (digits >= 12 && isCardNumber(run.slice(groups[first]![0], end))) best = last;
    }
    if (best === -1) {
      first++;
      continue;
    }
    spans.push([groups[first]![0], groups[best]![1]]);
    first = best + 1;
  }
  return spans;
}

export const cardDetector: Detector = {
  name: 'card',
  description:
    'payment card numbers of the major brands (12–19 digits, spaces, dashes, + or %20 allowed), Luhn-validated',
  family: Family.digits,
  gate: (text) => CARD_START.test(text),
  scrub(text, redact) {
    DIGIT_GROUPS.lastIndex = 0;
    return text.replace(DIGIT_GROUPS, (run) => {
      let result = '';
      let cursor = 0;
      for (const [start, end] of cardSpans(run)) {
        result += run.slice(cursor, start) + redact('card');
        cursor = end;
      }
      return cursor === 0 ? run : result + run.slice(cursor);
    });
  },
};
