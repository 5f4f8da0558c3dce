import { always, type Detector, Family } from './detector.js';

/**
 * A digit run of 12–19 digits, optionally split by single spaces or dashes, not part of a
 * larger word or decimal. The lookbehind lets a run start only once, which keeps the scan linear.
 */
const CARD_CANDIDATE = /(?<![\w.,-])\d(?:[ -]?\d){11,18}(?![\w-]|[.,]\d)/g;

/** Every card number starts with four digits and has four more after at most one separator. */
const CARD_START = /\d{4}[ -]?\d{4}/;

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
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305)) return length >= 14 && length <= 19; // Diners
  if (two === 50 || (two >= 56 && two <= 69)) return length >= 12 && length <= 19; // Maestro
  if (four === 2200 || four === 2201 || four === 2202 || four === 2203 || four === 2204) return length === 16; // Mir
  return false;
}

/** True when `text` (digits with optional spaces/dashes) is a Luhn-valid number of a card brand. */
export function isCardNumber(text: string): boolean {
  const digits = text.replace(/[ -]/g, '');
  return hasCardBrand(digits) && passesLuhn(digits);
}

export const cardDetector: Detector = {
  name: 'card',
  description: 'payment card numbers of the major brands (12–19 digits, spaces or dashes allowed), Luhn-validated',
  family: Family.digits,
  gate: (text) => CARD_START.test(text),
  scrub(text, redact) {
    CARD_CANDIDATE.lastIndex = 0;
    return text.replace(CARD_CANDIDATE, (match) => (isCardNumber(match) ? redact('card') : match));
  },
};
