/** Called for each match a detector filters; returns the text that replaces it. */
export type Redact = (detector: string) => string;

/**
 * One family of secrets recognised by content. Every match has all of the `allOf` feature bits and,
 * if `anyOf` is set, one of those (see `features.ts`); `confirm` is a further cheap check on the
 * text. Only strings that pass run `scrub`, so most strings never touch a detector's regex.
 */
export interface Detector {
  readonly name: string;
  readonly description: string;
  readonly allOf: number;
  readonly anyOf?: number;
  confirm?(text: string): boolean;
  scrub(text: string, redact: Redact): string;
}

/** Replaces every match of a global `pattern` whose `accept` returns true. */
export function replaceMatches(
  text: string,
  pattern: RegExp,
  redact: () => string,
  accept: (match: string, groups: string[]) => boolean = () => true,
): string {
  pattern.lastIndex = 0;
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const groups = rest.filter((part): part is string => typeof part === 'string');
    return accept(match, groups) ? redact() : match;
  });
}
