import { type Detector, Family } from './detector.js';

/** `123-45-6789` or `123 45 6789`, with one separator style, not inside a longer number. */
const SSN_CANDIDATE = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;

const SSN_START = /\d{3}[- ]\d{2}[- ]\d{4}/;

/** Area 000, 666 and 900–999, group 00 and serial 0000 are never issued. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

export const ssnDetector: Detector = {
  name: 'ssn',
  description: 'US social security numbers (AAA-GG-SSSS or with spaces), excluding never-issued ranges',
  family: Family.digits,
  gate: (text) => SSN_START.test(text),
  scrub(text, redact) {
    SSN_CANDIDATE.lastIndex = 0;
    return text.replace(
      SSN_CANDIDATE,
      (match, area: string, _separator: string, group: string, serial: string) =>
        isValidSsn(area, group, serial) ? redact('ssn') : match,
    );
  },
};

/** Country code, check digits, then 11–30 alphanumerics, optionally in space-separated groups of four. */
const IBAN_CANDIDATE =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

const IBAN_START = /[A-Z]{2}\d{2}/;

/** IBAN lengths by country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/**
 * Where the IBAN at the start of `candidate` ends: after as many characters as its country's IBAN
 * has, at a group boundary, so a word after it (`… 1332 EUR`) is not taken as a last group.
 */
function ibanEnd(candidate: string): number {
  const expected = IBAN_LENGTHS[candidate.slice(0, 2)];
  if (expected === undefined) return -1;
  let characters = 0;
  for (let index = 0; index < candidate.length; index++) {
    if (candidate[index] !== ' ') characters++;
    if (characters === expected)
      return index + 1 === candidate.length || candidate[index + 1] === ' ' ? index + 1 : -1;
  }
  return -1;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed digit by digit to stay in safe integers. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export const ibanDetector: Detector = {
  name: 'iban',
  description:
    'IBANs of every registered country, length- and mod-97-validated, compact or in groups of four',
  family: Family.digits,
  gate: (text) => text.length >= 15 && IBAN_START.test(text),
  scrub(text, redact) {
    let result = '';
    let cursor = 0;
    IBAN_CANDIDATE.lastIndex = 0;
    for (let match = IBAN_CANDIDATE.exec(text); match !== null; match = IBAN_CANDIDATE.exec(text)) {
      const end = ibanEnd(match[0]);
      if (end === -1 || !isValidIban(match[0].slice(0, end))) {
        IBAN_CANDIDATE.lastIndex = match.index + 1; // an IBAN may start at one of its later groups
        continue;
      }
      result += text.slice(cursor, match.index) + redact('iban');
      cursor = match.index + end;
      IBAN_CANDIDATE.lastIndex = cursor; // what followed may start the next IBAN
    }
    return cursor === 0 ? text : result + text.slice(cursor);
  },
};
