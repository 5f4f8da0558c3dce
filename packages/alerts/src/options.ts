import type {
  AlertEngineOptions,
  BurstOptions,
  ErrorRateOptions,
  ResolvedOptions,
} from './engine-options.js';
import { AlertOptionsError, describe } from './errors.js';
import { memoryStore } from './memory-store.js';
import type { AlertStore, BurstWindowRule, RateWindowRule } from './store.js';
import type { Notifier } from './types.js';

const KNOWN_OPTIONS = [
  'notifiers',
  'store',
  'burst',
  'errorRate',
  'criticalLevels',
  'repeatIntervalMs',
  'resolveNotifications',
  'batchWaitMs',
  'tickMs',
  'sentryUrl',
  'maxPendingGroups',
  'now',
  'onError',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const name of Object.keys(value))
    if (!known.includes(name))
      throw new AlertOptionsError(
        `${prefix}${name}`,
        'unknown option',
        `Known options: ${known.join(', ')}.`,
      );
}

function integer(value: unknown, option: string, min: number, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new AlertOptionsError(option, `expected an integer ≥ ${min}, got ${describe(value)}`, fix);
  return value;
}

function fn<T>(value: unknown, option: string, fix: string): T | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw new AlertOptionsError(option, `expected a function, got ${describe(value)}`, fix);
  return value as T | undefined;
}

function resolveNotifiers(value: unknown): readonly Notifier[] {
  if (!Array.isArray(value))
    throw new AlertOptionsError(
      'notifiers',
      `expected an array, got ${describe(value)}`,
      'Pass e.g. [new SlackNotifier({ webhookUrl })].',
    );
  value.forEach((notifier: unknown, index) => {
    if (!isObject(notifier) || typeof notifier.notify !== 'function' || typeof notifier.name !== 'string')
      throw new AlertOptionsError(
        `notifiers[${index}]`,
        `expected an object with a name and a notify(alert) method, got ${describe(notifier)}`,
        'Use a notifier such as new SlackNotifier({ webhookUrl }).',
      );
  });
  return [...value];
}

function resolveBurst(value: unknown, claimTtlMs: number): BurstWindowRule | undefined {
  if (value === false) return undefined;
  if (value !== undefined && !isObject(value))
    throw new AlertOptionsError(
      'burst',
      `expected an object or false, got ${describe(value)}`,
      'Use e.g. { threshold: 10, windowMs: 60_000 }.',
    );
  const { threshold = 10, windowMs = 60_000 } = (value ?? {}) as BurstOptions;
  checkKeys(value ?? {}, ['threshold', 'windowMs'], 'burst.');
  integer(threshold, 'burst.threshold', 1, 'Use a positive integer, e.g. 10 (the 11th event alerts).');
  integer(windowMs, 'burst.windowMs', 12, 'Use milliseconds, e.g. 60_000.');
  return { threshold, windowMs, claimTtlMs };
}

function resolveErrorRate(value: unknown, claimTtlMs: number): RateWindowRule | undefined {
  if (value === false) return undefined;
  if (value !== undefined && !isObject(value))
    throw new AlertOptionsError(
      'errorRate',
      `expected an object or false, got ${describe(value)}`,
      'Use e.g. { threshold: 0.01 }.',
    );
  const { threshold = 0.01, windowMs = 60_000, minRequests = 100 } = (value ?? {}) as ErrorRateOptions;
  checkKeys(value ?? {}, ['threshold', 'windowMs', 'minRequests'], 'errorRate.');
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))
    throw new AlertOptionsError(
      'errorRate.threshold',
      `expected a number in (0, 1], got ${describe(threshold)}`,
      'Use e.g. 0.01 for 1 %.',
    );
  integer(windowMs, 'errorRate.windowMs', 12, 'Use milliseconds, e.g. 60_000.');
  integer(minRequests, 'errorRate.minRequests', 1, 'Use e.g. 100.');
  return { threshold, windowMs, minRequests, claimTtlMs };
}

function resolveStore(value: unknown): AlertStore {
  if (value === undefined) return memoryStore();
  if (!isObject(value) || typeof value.add !== 'function' || typeof value.addRate !== 'function')
    throw new AlertOptionsError(
      'store',
      `expected an AlertStore, got ${describe(value)}`,
      'Use memoryStore() or redisStore({ url }).',
    );
  return value as unknown as AlertStore;
}

function resolveLevels(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set(['fatal', 'error']);
  if (!Array.isArray(value) || value.length === 0 || value.some((level) => typeof level !== 'string'))
    throw new AlertOptionsError(
      'criticalLevels',
      'expected a non-empty array of level names',
      "Use e.g. ['fatal', 'error'].",
    );
  return new Set(value as string[]);
}

function resolveSentryUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(value))
    throw new AlertOptionsError(
      'sentryUrl',
      `expected an http(s) URL, got ${describe(value)}`,
      "Use e.g. 'https://acme.sentry.io'.",
    );
  return value.replace(/\/+$/, '');
}

/** Validates `options` and fills in defaults; throws `AlertOptionsError` naming the first bad option. */
export function resolveOptions(options: AlertEngineOptions): ResolvedOptions {
  if (!isObject(options))
    throw new AlertOptionsError(
      'options',
      `expected an object, got ${describe(options)}`,
      'Pass an options object with notifiers.',
    );
  checkKeys(options, KNOWN_OPTIONS, '');
  const {
    repeatIntervalMs = 1_800_000,
    resolveNotifications = false,
    batchWaitMs = 2_000,
    tickMs = 250,
  } = options;
  integer(repeatIntervalMs, 'repeatIntervalMs', 1, 'Use milliseconds, e.g. 1_800_000 (30 min).');
  if (typeof resolveNotifications !== 'boolean')
    throw new AlertOptionsError(
      'resolveNotifications',
      `expected true or false, got ${describe(resolveNotifications)}`,
      'Use a boolean.',
    );
  integer(batchWaitMs, 'batchWaitMs', 0, 'Use milliseconds, e.g. 2_000.');
  integer(tickMs, 'tickMs', 1, 'Use milliseconds, e.g. 250.');
  const { maxPendingGroups = 10_000 } = options;
  integer(maxPendingGroups, 'maxPendingGroups', 1, 'Use e.g. 10000.');
  return {
    notifiers: resolveNotifiers(options.notifiers),
    store: resolveStore(options.store),
    burst: resolveBurst(options.burst, repeatIntervalMs),
    errorRate: resolveErrorRate(options.errorRate, repeatIntervalMs),
    criticalLevels: resolveLevels(options.criticalLevels),
    repeatIntervalMs,
    resolveNotifications,
    batchWaitMs,
    tickMs,
    sentryUrl: resolveSentryUrl(options.sentryUrl),
    maxPendingGroups,
    now: fn<() => number>(options.now, 'now', 'Pass a clock such as Date.now.') ?? Date.now,
    onError: fn(options.onError, 'onError', 'Pass a callback (error, context) => void.'),
  };
}
