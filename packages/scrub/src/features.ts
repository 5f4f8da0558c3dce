/**
 * One pass over a string that records which kinds of characters it holds. Every detector names
 * the features all of its matches need, so the common string (an identifier, a path, a line of
 * code without a secret) is rejected after this single scan instead of one regex per detector.
 */
export const Feature = {
  at: 1 << 0,
  percent: 1 << 1,
  colon: 1 << 2,
  twoColons: 1 << 3,
  equals: 1 << 4,
  slash: 1 << 5,
  space: 1 << 6,
  dash: 1 << 7,
  threeDots: 1 << 8,
  fourDigits: 1 << 9,
  nineDigits: 1 << 10,
  twelveDigits: 1 << 11,
  twoUppercase: 1 << 12,
  tokenRun: 1 << 13,
  tenDashes: 1 << 14,
  twoDots: 1 << 15,
} as const;

/** A run of `[A-Za-z0-9_-]` at least this long: every prefixed token, JWT and AWS key has one. */
const TOKEN_RUN = 16;

/** The feature bits of `text`. */
export function scanFeatures(text: string): number {
  let bits = 0;
  let digits = 0;
  let uppercase = 0;
  let dots = 0;
  let colons = 0;
  let dashes = 0;
  let run = 0;
  let longestRun = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) {
      run++;
      continue;
    }
    if (code >= 48 && code <= 57) {
      digits++;
      run++;
      continue;
    }
    if (code >= 65 && code <= 90) {
      uppercase++;
      run++;
      continue;
    }
    if (code === 95) {
      run++;
      continue;
    }
    if (code === 45) {
      dashes++;
      run++;
      continue;
    }
    if (run > longestRun) longestRun = run;
    run = 0;
    switch (code) {
      case 64:
        bits |= Feature.at;
        break;
      case 37:
        bits |= Feature.percent;
        break;
      case 58:
        colons++;
        break;
      case 61:
        bits |= Feature.equals;
        break;
      case 47:
      case 92:
        bits |= Feature.slash;
        break;
      case 32:
      case 9:
        bits |= Feature.space;
        break;
      case 46:
        dots++;
        break;
    }
  }
  if (run > longestRun) longestRun = run;
  if (colons > 0) bits |= colons > 1 ? Feature.colon | Feature.twoColons : Feature.colon;
  if (dashes > 0) bits |= dashes >= 10 ? Feature.dash | Feature.tenDashes : Feature.dash;
  if (dots >= 2) bits |= dots >= 3 ? Feature.twoDots | Feature.threeDots : Feature.twoDots;
  if (digits >= 4) bits |= digits >= 12 ? Feature.fourDigits | Feature.nineDigits | Feature.twelveDigits : digits >= 9 ? Feature.fourDigits | Feature.nineDigits : Feature.fourDigits;
  if (uppercase >= 2) bits |= Feature.twoUppercase;
  if (longestRun >= TOKEN_RUN) bits |= Feature.tokenRun;
  return bits;
}

/** True when `bits` has every feature in `required`. */
export function hasAll(bits: number, required: number): boolean {
  return (bits & required) === required;
}
