import { describe, InstrumentRedisOptionsError } from './errors.js';
import { DEFAULT_MAX_ARGS } from './statement.js';

/** Options of `instrumentRedis(client, options)`. */
export interface InstrumentRedisOptions {
  /**
   * Key prefixes of your cache. `GET`/`MGET`/`GETEX`, `SET`/`SETEX`/`PSETEX`/`SETNX`/`MSET` and
   * `DEL`/`UNLINK` on a key with one of them become `cache.get`, `cache.put` and `cache.remove` spans
   * with Sentry's cache attributes. Default: none.
   */
  cachePrefixes?: readonly string[];
  /**
   * `'with-spans'` (default): a breadcrumb for each command sent inside an active span (or, with
   * `rootSpans`, for each command); `'always'`: for every command; `'never'`.
   */
  breadcrumbs?: 'with-spans' | 'always' | 'never';
  /**
   * `'auto'` (default): no spans where `@sentry/node`'s own Redis integration already makes them for
   * this client; `'always'`: spans even then (you get two per command); `'never'`: breadcrumbs and
   * outage capture only.
   */
  spans?: 'auto' | 'always' | 'never';
  /** Also trace commands sent outside any active span, each as its own root span. Default false. */
  rootSpans?: boolean;
  /** Capture connection errors (refused, timed out, auth failed, retries exhausted), once per outage. Default true. */
  captureConnectionErrors?: boolean;
  /** Arguments shown in a statement before `[N more]`. Default 10. */
  maxArgs?: number;
}

/** The options with every default applied. */
export interface ResolvedOptions {
  readonly cachePrefixes: readonly string[];
  readonly breadcrumbs: 'with-spans' | 'always' | 'never';
  readonly spans: 'auto' | 'always' | 'never';
  readonly rootSpans: boolean;
  readonly captureConnectionErrors: boolean;
  readonly maxArgs: number;
}

const KNOWN = ['cachePrefixes', 'breadcrumbs', 'spans', 'rootSpans', 'captureConnectionErrors', 'maxArgs'];

function oneOf<T extends string>(value: unknown, option: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InstrumentRedisOptionsError(
    option,
    `expected ${allowed.map((item) => `'${item}'`).join(', ')}, got ${describe(value)}`,
    `Leave it out for '${fallback}'.`,
  );
}

function flag(value: unknown, option: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new InstrumentRedisOptionsError(
    option,
    `expected true or false, got ${describe(value)}`,
    `Leave it out for ${fallback}.`,
  );
}

function prefixes(value: unknown): readonly string[] {
  if (value === undefined) return [];
  const fix = "Pass key prefixes such as ['session:', 'cache:'].";
  if (!Array.isArray(value))
    throw new InstrumentRedisOptionsError('cachePrefixes', `expected an array, got ${describe(value)}`, fix);
  value.forEach((prefix, index) => {
    if (typeof prefix !== 'string' || prefix === '')
      throw new InstrumentRedisOptionsError(
        `cachePrefixes[${index}]`,
        `expected a non-empty string, got ${describe(prefix)}`,
        fix,
      );
  });
  return Object.freeze([...(value as string[])]);
}

/** Checks the options and applies the defaults; throws an {@link InstrumentRedisOptionsError} for a bad one. */
export function resolveOptions(options: InstrumentRedisOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new InstrumentRedisOptionsError(
      'options',
      `expected an object, got ${describe(options)}`,
      "Pass e.g. { cachePrefixes: ['session:'] }.",
    );
  for (const name of Object.keys(options))
    if (!KNOWN.includes(name))
      throw new InstrumentRedisOptionsError(name, 'unknown option', `Known options: ${KNOWN.join(', ')}.`);
  const maxArgs = options.maxArgs ?? DEFAULT_MAX_ARGS;
  if (typeof maxArgs !== 'number' || !Number.isInteger(maxArgs) || maxArgs < 0)
    throw new InstrumentRedisOptionsError(
      'maxArgs',
      `expected an integer ≥ 0, got ${describe(maxArgs)}`,
      `Leave it out for ${DEFAULT_MAX_ARGS}.`,
    );
  return {
    cachePrefixes: prefixes(options.cachePrefixes),
    breadcrumbs: oneOf(options.breadcrumbs, 'breadcrumbs', ['with-spans', 'always', 'never'], 'with-spans'),
    spans: oneOf(options.spans, 'spans', ['auto', 'always', 'never'], 'auto'),
    rootSpans: flag(options.rootSpans, 'rootSpans', false),
    captureConnectionErrors: flag(options.captureConnectionErrors, 'captureConnectionErrors', true),
    maxArgs,
  };
}
