import type { Breadcrumb, Event, Log, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import type { DetectorName } from './detectors/index.js';

export type { DetectorName };

/** A custom value pattern: every match is replaced. Give it a name to see it in reports. */
export interface ValuePattern {
  name: string;
  pattern: RegExp;
}

/** What to do with an event when scrubbing it fails. */
export type FailureMode = 'drop' | 'minimal';

/** Options of {@link createScrubber}. Every option is validated; a bad one throws a `ScrubOptionsError`. */
export interface ScrubOptions {
  /**
   * Extra sensitive keys. A string matches any key that contains it after both are lowercased and
   * stripped of separators (`'employeeId'` matches `employee_id` and `X-Employee-Id`); a RegExp
   * is tested against the raw key.
   */
  keys?: ReadonlyArray<string | RegExp>;
  /** Extra value patterns, run on every string after the built-in detectors. Must be linear-time. */
  patterns?: ReadonlyArray<RegExp | ValuePattern>;
  /** Keys whose values are never filtered because of their name (content detectors still run). */
  allowKeys?: readonly string[];
  /**
   * Dotted paths left entirely untouched, from the root of what is scrubbed: `'request.headers.x-request-id'`,
   * `'extra.*.id'` (`*` matches one segment, `**` any number of segments).
   */
  allowPaths?: readonly string[];
  /** Turn built-in detectors off by name: `{ ipv4: false, email: false }`. */
  detectors?: Partial<Record<DetectorName, boolean>>;
  /** Text that replaces what is filtered. Default `'[Filtered]'` (Sentry's). */
  replacement?: string;
  /**
   * Replaces the user's email and IP with a stable pseudonym in `user.id` when the user has no id,
   * so "users affected" still counts. Use {@link createPseudonymizer} for a keyed HMAC.
   */
  pseudonymize?: (value: string) => string;
  /** What `scrubEvent` returns when scrubbing fails. Default `'minimal'`; see the README. */
  onFailure?: FailureMode;
  /** Nesting deeper than this is replaced as a whole. Default 64. */
  maxDepth?: number;
  /**
   * How many strings (16–1024 characters) already found clean to remember, so that the source
   * lines, messages and names a repeated error carries are not scanned again. Only clean strings
   * are kept. Default 4096 (at most ~8 MB); 0 turns it off.
   */
  cacheSize?: number;
  /** Called for each filtered value, for reports such as the CLI's. Slows scrubbing; leave unset in production. */
  onFinding?: (finding: Finding) => void;
}

/** One filtered value: where it was and which rule filtered it. */
export interface Finding {
  /** Dotted path of the value, e.g. `request.headers.authorization`. */
  path: string;
  /** `key` (a sensitive key name), a detector name, a custom pattern name, or `depth`/`unreadable`/`binary`. */
  rule: string;
}

/** A scrubber built once from options and reused for every event. Its methods never throw. */
export interface Scrubber {
  /** Scrubs an error or transaction event in place. Returns `null` (dropped) or a minimal event if scrubbing fails. */
  scrubEvent<T extends Event>(event: T): T | null;
  /** Scrubs a breadcrumb in place; `null` if it cannot be made safe. */
  scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null;
  /** Scrubs a span (static `SpanJSON` or streamed) in place; on failure keeps only ids, timings, op and status. */
  scrubSpan<T extends SpanJSON | StreamedSpanJSON>(span: T): T;
  /** Scrubs a log in place; `null` if it cannot be made safe. */
  scrubLog(log: Log): Log | null;
  /** Scrubs any JSON-like value: keys and values. Plain objects and arrays are changed in place. */
  scrubValue<T>(value: T): T;
  /** Scrubs free text: messages, URLs, SQL, headers, JSON held in a string. */
  scrubString(text: string): string;
}
