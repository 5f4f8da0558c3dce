import type { Event } from '@sentry/core';
import type { AlertStore, BurstWindowRule, RateWindowRule } from './store.js';
import type { Notifier } from './types.js';

/** The burst rule: more than `threshold` critical events of one group within `windowMs`. */
export interface BurstOptions {
  /** Default `10`: the 11th event in the window alerts. */
  threshold?: number;
  /** Default `60_000`. */
  windowMs?: number;
}

/** The error-rate rule: errors / requests above `threshold` within `windowMs`, once `minRequests` were seen. */
export interface ErrorRateOptions {
  /** Default `0.01` (1 %); 0 < threshold ≤ 1. */
  threshold?: number;
  /** Default `60_000`. */
  windowMs?: number;
  /** Default `100`. */
  minRequests?: number;
}

/** Where a failure reported to `onError` happened. */
export interface AlertErrorContext {
  phase: 'observe' | 'store' | 'notify' | 'flush';
  /** The notifier that failed (`notify` and `flush`). */
  notifier?: string;
  /** The alert that could not be delivered (`notify`). */
  alertId?: string;
}

/** Options of `createAlertEngine` and `alertsIntegration`. Every option is validated. */
export interface AlertEngineOptions {
  /** Where alerts go. Each alert goes to every notifier. */
  notifiers: readonly Notifier[];
  /** Windows and claims. Default: `memoryStore()`; `redisStore(…)` for a fleet. */
  store?: AlertStore;
  /** The burst rule, or `false` to turn it off. */
  burst?: BurstOptions | false;
  /** The error-rate rule, or `false` to turn it off. It needs `recordRequests()` calls. */
  errorRate?: ErrorRateOptions | false;
  /** Levels that count for bursts. Default `['fatal', 'error']`. */
  criticalLevels?: readonly string[];
  /** A group (or the error rate) that alerted stays silent this long. Default `1_800_000` (30 min). */
  repeatIntervalMs?: number;
  /** Send a `resolved` alert when a burst that alerted has stayed below its threshold for a whole window. Default `false`. */
  resolveNotifications?: boolean;
  /** Crossings within this wait go out as one alert. Default `2_000`. */
  batchWaitMs?: number;
  /** How often counts are written to the store. Default `250`. */
  tickMs?: number;
  /** Your Sentry organization URL, e.g. `https://acme.sentry.io`: alerts then link to the last event. */
  sentryUrl?: string;
  /** Groups counted between two ticks; more are dropped until the next tick. Default `10_000`. */
  maxPendingGroups?: number;
  /** The clock (ms since epoch). Default `Date.now`. */
  now?: () => number;
  /** Called with every failure (a store or notifier error); default: ignored. Never logs event data. */
  onError?: (error: unknown, context: AlertErrorContext) => void;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  notifiers: readonly Notifier[];
  store: AlertStore;
  burst: BurstWindowRule | undefined;
  errorRate: RateWindowRule | undefined;
  criticalLevels: ReadonlySet<string>;
  repeatIntervalMs: number;
  resolveNotifications: boolean;
  batchWaitMs: number;
  tickMs: number;
  sentryUrl: string | undefined;
  maxPendingGroups: number;
  now: () => number;
  onError: ((error: unknown, context: AlertErrorContext) => void) | undefined;
}

/** Watches events and sends threshold alerts. Create it with `createAlertEngine`. */
export interface AlertEngine {
  /** Counts an event (call it with the scrubbed event). Synchronous and cheap; never throws; I/O happens later. */
  observe(event: Event): void;
  /** Counts handled requests: the denominator of the error-rate rule (adapters call it). */
  recordRequests(count?: number): void;
  /** Writes pending counts, sends any waiting batch now, waits for the notifiers; true if all of it finished in time. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Flushes, stops the timers and closes a Redis connection the store opened itself. Later events are ignored. */
  close(timeoutMs?: number): Promise<boolean>;
}
