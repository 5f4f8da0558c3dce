import type { Event, EventHint } from '@sentry/core';

/**
 * What a rule matches. Every matcher given must match (AND). String matchers are Sentry-style
 * globs over the whole value: `*` any run of characters, `?` one character, `[abc]` a class,
 * `\` escapes. `type` is case-sensitive (as in Sentry); the others are case-insensitive.
 */
export interface RuleMatchers {
  /** The exception type, e.g. `'*ValidationError'` (case-sensitive). */
  type?: string;
  /** The exception value or the message. */
  value?: string;
  /** A module of any frame of the stack. */
  module?: string;
  /** A function of any frame of the stack. */
  function?: string;
  /** The path (`abs_path` or `filename`) of any frame of the stack. */
  path?: string;
  /** The event's level (`error`, `fatal`, …). */
  level?: string;
  /** Tags of the event: every listed tag must match its glob. */
  tags?: Readonly<Record<string, string>>;
  /** The HTTP status code of the failure (from the original error, tags or contexts): a number or a glob such as `'5??'`. */
  statusCode?: number | string;
}

/**
 * A grouping rule: when `match` matches, the event's fingerprint becomes `fingerprint`, after
 * variables are filled in: `{{ default }}` (Sentry's own grouping: hybrid), `{{ transaction }}`,
 * `{{ error.type }}`, `{{ error.value }}` (parameterized), `{{ function }}`, `{{ module }}`,
 * `{{ path }}`, `{{ level }}`, `{{ status_code }}`, `{{ tags.NAME }}`.
 */
export interface FingerprintRule {
  /** Shown by `explain()` and in errors; defaults to `rules[index]`. */
  name?: string;
  match: RuleMatchers;
  fingerprint: readonly string[];
}

/** Options of `createFingerprinter`. */
export interface FingerprinterOptions {
  /** Your rules; they are tried in order before the default rules, and the first match wins. */
  rules?: readonly FingerprintRule[];
  /** The built-in rules: `true` (default) for all, `false` for none, or a map turning single ones off. */
  defaults?: boolean | Partial<Record<DefaultRuleName, boolean>>;
  /** Names for hosts in fingerprints of external-service errors: `{ 'api.stripe.com': 'stripe' }`. */
  services?: Readonly<Record<string, string>>;
  /** Called once per rule that throws while matching; the rule is then skipped for that event. */
  onRuleError?: (error: unknown, rule: string) => void;
}

/** The built-in rules, in the order they are tried. */
export type DefaultRuleName = 'database' | 'auth' | 'external-service' | 'rate-limit' | 'validation';

/** Why an event got its fingerprint. */
export interface Explanation {
  /** The fingerprint `fingerprint()` returns; undefined keeps Sentry's default grouping. */
  fingerprint: string[] | undefined;
  /** The rule that matched, or undefined. */
  rule: string | undefined;
  /** For each rule tried, in order: whether it matched and why (or why not). */
  steps: ExplanationStep[];
}

export interface ExplanationStep {
  rule: string;
  matched: boolean;
  /** Human-readable: `type "QueryFailedError" is a TypeORM database error; statement is an UPDATE`. */
  reason: string;
}

/** Computes fingerprints; build it once with `createFingerprinter` and reuse it. */
export interface Fingerprinter {
  /** The fingerprint for `event`, or undefined to keep Sentry's default. Never throws. */
  fingerprint(event: Event, hint?: EventHint): string[] | undefined;
  /** Which rule matched, on what data, and why the others did not. Never throws. */
  explain(event: Event, hint?: EventHint): Explanation;
}
