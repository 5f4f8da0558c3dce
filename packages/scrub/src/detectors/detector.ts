/** Called for each match a detector filters; returns the text that replaces it. */
export type Redact = (detector: string) => string;

/**
 * Families of detectors that share a cheap first test, run once per string for the whole family
 * (see `engine.ts`): most strings fail every family test and never reach a detector's pattern.
 */
export const Family = {
  /** A token's start: `eyJ`, `-----BEGIN`, `AKIA`/`ASIA`, `AIza`, `SG.`, `ya29.`, or `x_` / `x-` before ten alphanumerics. */
  token: 1,
  /** An HTTP auth scheme name followed by a space. */
  authScheme: 2,
  /** Contains `@` or `%40`. */
  at: 4,
  /** Contains `:` or `=`. */
  separator: 8,
  /** Two digits in a row, or a digit then a dot. */
  digits: 16,
  /** Contains `/home/` or `Users`. */
  path: 32,
  /** Contains `</`: an element with text content. */
  markup: 64,
  /** Always tested (custom patterns). */
  any: 128,
} as const;

/**
 * One kind of secret recognised by content. `family` is the shared first test; `gate` a further
 * cheap test of its own (a literal found with `includes`), before `scrub` runs the full pattern.
 */
export interface Detector {
  readonly name: string;
  readonly description: string;
  readonly family: number;
  gate(text: string): boolean;
  scrub(text: string, redact: Redact): string;
}

/** A gate for detectors whose family test is enough. */
export const always = (): boolean => true;
