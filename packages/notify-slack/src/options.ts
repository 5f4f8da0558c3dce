import { SlackNotifierError } from './errors.js';
import type { BackoffOptions, SlackFetch, SlackNotifierOptions } from './types.js';
import { describeType, parseWebhookUrl } from './webhook-url.js';

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  webhookUrl: URL;
  channel: string | undefined;
  username: string | undefined;
  fetch: SlackFetch;
  timeoutMs: number;
  maxRetries: number;
  maxRateLimitWaitMs: number;
  backoff: BackoffOptions;
  maxQueue: number;
  minIntervalMs: number;
  onError: SlackNotifierOptions['onError'];
}

/** The defaults of {@link SlackNotifierOptions}. */
export const DEFAULTS = {
  timeoutMs: 5000,
  maxRetries: 5,
  maxRateLimitWaitMs: 300_000,
  backoff: { baseMs: 500, capMs: 30_000 },
  maxQueue: 100,
  minIntervalMs: 1000,
} as const;

const KNOWN_OPTIONS = [
  'webhookUrl',
  'channel',
  'username',
  'fetch',
  'timeoutMs',
  'maxRetries',
  'maxRateLimitWaitMs',
  'backoff',
  'maxQueue',
  'minIntervalMs',
  'onError',
];

function integer(
  value: unknown,
  option: string,
  min: number,
  max: number,
  fallback: number,
  fix: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new SlackNotifierError(
      option,
      `expected an integer from ${min} to ${max}, got ${typeof value === 'number' ? value : describeType(value)}`,
      fix,
    );
  return value;
}

function callback<T>(value: unknown, option: string, fix: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function')
    throw new SlackNotifierError(option, `expected a function, got ${describeType(value)}`, fix);
  return value as T;
}

function resolveBackoff(value: unknown): BackoffOptions {
  if (value === undefined) return { ...DEFAULTS.backoff };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SlackNotifierError(
      'backoff',
      `expected an object, got ${describeType(value)}`,
      'Pass e.g. { baseMs: 500, capMs: 30_000 }.',
    );
  for (const key of Object.keys(value))
    if (key !== 'baseMs' && key !== 'capMs')
      throw new SlackNotifierError(`backoff.${key}`, 'unknown option', 'Known options: baseMs, capMs.');
  const { baseMs, capMs } = value as Partial<BackoffOptions>;
  const base = integer(baseMs, 'backoff.baseMs', 0, 600_000, DEFAULTS.backoff.baseMs, 'Use e.g. 500.');
  const cap = integer(
    capMs,
    'backoff.capMs',
    0,
    3_600_000,
    Math.max(base, DEFAULTS.backoff.capMs),
    'Use e.g. 30_000.',
  );
  if (cap < base)
    throw new SlackNotifierError(
      'backoff.capMs',
      `must not be below backoff.baseMs (${base})`,
      'Raise capMs or lower baseMs.',
    );
  return { baseMs: base, capMs: cap };
}

function resolveText(value: unknown, option: string, pattern: RegExp, fix: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value))
    throw new SlackNotifierError(
      option,
      typeof value === 'string'
        ? `is not valid (${JSON.stringify(value.slice(0, 40))})`
        : `expected a string, got ${describeType(value)}`,
      fix,
    );
  return value;
}

/** Validates `options` and fills in defaults; throws a `SlackNotifierError` naming the first bad option. */
export function resolveOptions(options: SlackNotifierOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new SlackNotifierError(
      'options',
      `expected an options object, got ${describeType(options)}`,
      'Pass e.g. new SlackNotifier({ webhookUrl: process.env.SENTRY_SLACK_WEBHOOK_URL! }).',
    );
  for (const key of Object.keys(options))
    if (!KNOWN_OPTIONS.includes(key))
      throw new SlackNotifierError(key, 'unknown option', `Known options: ${KNOWN_OPTIONS.join(', ')}.`);
  const webhookUrl = parseWebhookUrl(options.webhookUrl);
  const fetch =
    callback<SlackFetch>(options.fetch, 'fetch', 'Pass a fetch-compatible function.') ?? globalFetch();
  return {
    webhookUrl,
    channel: resolveText(
      options.channel,
      'channel',
      /^[#@]?[a-z0-9][a-z0-9._-]{0,79}$/i,
      'Use e.g. #alerts or a channel id.',
    ),
    username: resolveText(
      options.username,
      'username',
      /^(?=.*\S)[^\n\r]{1,80}$/,
      'Use a name of 1 to 80 characters.',
    ),
    fetch,
    timeoutMs: integer(options.timeoutMs, 'timeoutMs', 1, 600_000, DEFAULTS.timeoutMs, 'Use e.g. 5000.'),
    maxRetries: integer(options.maxRetries, 'maxRetries', 0, 100, DEFAULTS.maxRetries, 'Use e.g. 5.'),
    maxRateLimitWaitMs: integer(
      options.maxRateLimitWaitMs,
      'maxRateLimitWaitMs',
      0,
      86_400_000,
      DEFAULTS.maxRateLimitWaitMs,
      'Use e.g. 300000 (5 minutes).',
    ),
    backoff: resolveBackoff(options.backoff),
    maxQueue: integer(options.maxQueue, 'maxQueue', 1, 100_000, DEFAULTS.maxQueue, 'Use e.g. 100.'),
    minIntervalMs: integer(
      options.minIntervalMs,
      'minIntervalMs',
      0,
      3_600_000,
      DEFAULTS.minIntervalMs,
      'Use 1000 (Slack allows about one message per second).',
    ),
    onError: callback(options.onError, 'onError', 'Pass (error) => { … }, e.g. to log error.message.'),
  };
}

function globalFetch(): SlackFetch {
  if (typeof globalThis.fetch !== 'function')
    throw new SlackNotifierError(
      'fetch',
      'no global fetch in this runtime',
      'Use Node 20 or later, or pass a fetch function.',
    );
  return (url, init) => globalThis.fetch(url, init);
}
