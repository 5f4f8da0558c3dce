import type { Breadcrumb, Event } from '@sentry/core';
import type {
  EnvelopePredicate,
  EnvelopeViews,
  LogItem,
  RecordedEnvelope,
  SpanView,
  WaitForOptions,
} from './types.js';

/**
 * A scripted answer of the loopback receiver, for fault tests.
 *
 * @example
 * ```ts
 * await receiver.respondWith({ status: 429, headers: { 'retry-after': '60' }, times: 1 });
 * ```
 */
export interface ScriptedResponse {
  /** The HTTP status, e.g. 429 or 503. */
  status: number;
  /** Response headers, e.g. `{ 'retry-after': '60', 'x-sentry-rate-limits': '60:error:key' }`. */
  headers?: Record<string, string>;
  /** How many envelopes get this answer before the receiver answers 200 again. Default: until `reset()`. */
  times?: number;
}

/**
 * Options of `startLoopbackReceiver`.
 *
 * @example
 * ```ts
 * const receiver = await startLoopbackReceiver({ port: 9999 }); // SENTRY_DSN=http://public@127.0.0.1:9999/1
 * ```
 */
export interface LoopbackReceiverOptions {
  /** The port to listen on, on 127.0.0.1. Default 0: a free port. */
  port?: number;
}

/**
 * The views of `EnvelopeViews`, asynchronous: they ask the receiver's process.
 *
 * @example
 * ```ts
 * expect((await receiver.events()).map((event) => event.message)).toEqual(['nightly export finished']);
 * ```
 */
export interface AsyncEnvelopeViews {
  envelopes(): Promise<RecordedEnvelope[]>;
  events(): Promise<Event[]>;
  transactions(): Promise<Event[]>;
  spans(): Promise<SpanView[]>;
  breadcrumbs(): Promise<Breadcrumb[]>;
  logs(): Promise<LogItem[]>;
  items(type: string): Promise<unknown[]>;
}

/**
 * A Sentry ingest stand-in in its own process; see `startLoopbackReceiver`.
 *
 * @example
 * ```ts
 * const receiver: LoopbackReceiver = await startLoopbackReceiver();
 * afterAll(() => receiver.close());
 * ```
 */
export interface LoopbackReceiver extends AsyncEnvelopeViews {
  /** `http://public@127.0.0.1:PORT/1`: pass it to `Sentry.init({ dsn })` or as `SENTRY_DSN`. */
  readonly dsn: string;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The receiver process's id. */
  readonly pid: number;
  /** How many envelopes were answered with a scripted status of 300 or more (and not recorded). */
  rejected(): Promise<number>;
  /** Resolves with the views once `predicate` holds; rejects when `timeoutMs` passes first. */
  waitFor(predicate: EnvelopePredicate, options?: WaitForOptions): Promise<EnvelopeViews>;
  /** Forgets the envelopes, the rejected count and any scripted response. */
  reset(): Promise<void>;
  /** Answers the next envelopes with `response` (all of them until `reset()` if `times` is not given). */
  respondWith(response: ScriptedResponse): Promise<void>;
  /** Stops listening and drops open connections, as if Sentry were down. Recordings are kept. */
  stop(): Promise<void>;
  /** Listens again, on the same port. */
  restart(): Promise<void>;
  /** Ends the receiver's process; resolves once it has exited. */
  close(): Promise<void>;
}
