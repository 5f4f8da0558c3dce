import type { BaseTransportOptions, Breadcrumb, Event, TransportMakeRequestResponse } from '@sentry/core';

/**
 * One item of a recorded envelope: its header line and its payload, parsed back from the wire.
 *
 * @example
 * ```ts
 * const [item] = kit.envelopes[0].items; // { header: { type: 'event' }, payload: { exception: … } }
 * ```
 */
export interface RecordedItem {
  /** The item header: `type`, and `length`, `item_count`, `content_type`, `filename` … when sent. */
  header: { type: string; [field: string]: unknown };
  /** The payload parsed as JSON; the text itself when it is not JSON (attachments, for instance). */
  payload: unknown;
}

/**
 * One envelope exactly as it went over the wire, and parsed back from that text.
 *
 * @example
 * ```ts
 * const [envelope] = await receiver.envelopes();
 * expect(envelope.contentEncoding).toBe('gzip');
 * expect(envelope.raw).not.toContain('hunter2');
 * ```
 */
export interface RecordedEnvelope {
  /** The envelope header: `event_id`, `sent_at`, `sdk`, `trace` (the dynamic sampling context) … */
  header: Record<string, unknown>;
  items: RecordedItem[];
  /** The serialized envelope as sent (decompressed), decoded as UTF-8. */
  raw: string;
  /** Set when the body is not a valid envelope; `items` is then empty and `raw` holds the body. */
  error?: string;
  /** The request path, e.g. `/api/1/envelope/` (loopback receiver only). */
  path?: string;
  /** The request's `content-encoding`, e.g. `gzip` (loopback receiver only; absent for a plain body). */
  contentEncoding?: string;
}

/**
 * A span, whatever its lifecycle: a transaction's root (`contexts.trace`) or child (`spans[]`),
 * or a streamed `span` item (`@sentry/node` 11's default), in one shape.
 *
 * @example
 * ```ts
 * const query = kit.spans().find((span) => span.op === 'db.query');
 * expect(query?.attributes['db.statement']).toBe('SELECT * FROM users WHERE id = $1');
 * ```
 */
export interface SpanView {
  /** The span's name: the transaction name for a root, the `description` of a child span. */
  name: string;
  op: string | undefined;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  /** True for the root of a transaction or a streamed segment span. */
  isSegment: boolean;
  /** `'ok'` when the span's status is ok or unset; `'error'` for any other status. */
  status: 'ok' | 'error';
  /** The span's data (static) or attributes (streamed, unwrapped from `{ value, type }`). */
  attributes: Record<string, unknown>;
  /** Seconds since the epoch. */
  startTimestamp: number | undefined;
  /** Seconds since the epoch. */
  endTimestamp: number | undefined;
}

/**
 * A streamed attribute as it is sent: `{ value, type }` (`type` is `string`, `integer`, `double` …).
 *
 * @example
 * ```ts
 * expect(kit.logs()[0].attributes?.['order.id']).toEqual({ value: 'ord-1', type: 'string' });
 * ```
 */
export interface WireAttribute {
  value: unknown;
  type?: string;
  unit?: string;
}

/**
 * One log as it is sent in a `log` item's `items`.
 *
 * @example
 * ```ts
 * expect(kit.logs().map((log) => [log.level, log.body])).toEqual([['info', 'order shipped']]);
 * ```
 */
export interface LogItem {
  timestamp: number;
  level: string;
  body: string;
  trace_id?: string;
  severity_number?: number;
  attributes?: Record<string, WireAttribute>;
}

/**
 * Read-only views over a list of recorded envelopes: a `TestTransport` is one, and `waitFor`
 * resolves with one.
 *
 * @example
 * ```ts
 * const sent = await receiver.waitFor((seen) => seen.transactions().length > 0);
 * expect(sent.spans().filter((span) => span.status === 'error')).toEqual([]);
 * ```
 */
export interface EnvelopeViews {
  readonly envelopes: readonly RecordedEnvelope[];
  /** Error and message events (items of type `event`). */
  events(): Event[];
  /** Transaction events (items of type `transaction`): the static span lifecycle. */
  transactions(): Event[];
  /** Every span of every transaction and every streamed `span` item, normalized. */
  spans(): SpanView[];
  /** The breadcrumbs of every event and transaction, in order; one carried by two events appears twice. */
  breadcrumbs(): Breadcrumb[];
  /** Every log of every `log` item, as sent. */
  logs(): LogItem[];
  /** The payloads of every item of `type`: `'session'`, `'client_report'`, `'attachment'` … */
  items(type: string): unknown[];
}

/**
 * Options of `waitFor`.
 *
 * @example
 * ```ts
 * await kit.waitFor((sent) => sent.logs().length === 3, { timeoutMs: 10_000 });
 * ```
 */
export interface WaitForOptions {
  /** How long to wait before rejecting. Default 5000 ms. */
  timeoutMs?: number;
}

/**
 * A condition over what was recorded so far. A predicate that throws counts as not yet true.
 *
 * @example
 * ```ts
 * const hasCheckout: EnvelopePredicate = (sent) => sent.spans().some((span) => span.name === 'checkout');
 * ```
 */
export type EnvelopePredicate = (views: EnvelopeViews) => boolean;

/**
 * A transport factory for `Sentry.init({ transport })`. Its envelope is typed loosely so that it
 * fits `@sentry/node` 10 and 11 alike, whichever `@sentry/core` types a project resolves.
 *
 * @example
 * ```ts
 * Sentry.init({ dsn: 'https://public@127.0.0.1/1', transport: kit.transport });
 * ```
 */
export type TestTransportFactory = (options: BaseTransportOptions) => {
  // biome-ignore lint/suspicious/noExplicitAny: the Envelope type of either @sentry/core major
  send(envelope: any): PromiseLike<TransportMakeRequestResponse>;
  flush(timeout?: number): PromiseLike<boolean>;
};

/**
 * An in-memory Sentry transport that records envelopes; see `createTestTransport`.
 *
 * @example
 * ```ts
 * const kit: TestTransport = createTestTransport();
 * afterEach(() => kit.reset());
 * ```
 */
export interface TestTransport extends EnvelopeViews {
  /** The transport factory to pass to `Sentry.init({ transport })`. */
  readonly transport: TestTransportFactory;
  /** Forgets every recorded envelope. */
  reset(): void;
  /** Resolves with the views once `predicate` holds; rejects when `timeoutMs` passes first. */
  waitFor(predicate: EnvelopePredicate, options?: WaitForOptions): Promise<EnvelopeViews>;
}
