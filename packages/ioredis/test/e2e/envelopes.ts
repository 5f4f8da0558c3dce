import type { EnvelopeViews } from '@faultline/testkit';

/** A parsed JSON payload, read loosely: the tests assert on its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of several item types, checked by the assertions
export type Payload = any;

/**
 * A span as the tests read it, from a transaction (`traceLifecycle: 'static'`) or a span item (`'stream'`).
 * Kept beside testkit's `SpanView` for what that lacks: the origin, the segment a span belongs to,
 * and the status exactly as sent (`SpanView` reads a missing status as `ok`).
 */
export interface WireSpan {
  name: string;
  op: string | undefined;
  origin: string | undefined;
  status: string | undefined;
  traceId: string;
  parentSpanId: string | undefined;
  /** The transaction (static) or segment (stream) name it belongs to. */
  segment: string | undefined;
  attributes: Record<string, unknown>;
}

/** Streamed attributes are `{ type, value }`; static span data are plain values. */
function plain(attributes: Record<string, Payload> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null && 'value' in value ? value.value : value,
    ]),
  );
}

/** Every span sent, transactions' roots and children as well as streamed spans. */
export function spans(sent: EnvelopeViews): WireSpan[] {
  const fromTransactions = sent.transactions().flatMap((event: Payload) =>
    [{ ...event.contexts.trace, description: event.transaction }, ...(event.spans ?? [])].map(
      (span: Payload): WireSpan => ({
        name: span.description,
        op: span.op,
        origin: span.origin,
        status: span.status,
        traceId: span.trace_id,
        parentSpanId: span.parent_span_id,
        segment: event.transaction,
        attributes: plain(span.data),
      }),
    ),
  );
  const streamed = sent.items('span').flatMap((container: Payload) => container.items ?? []);
  const segments = new Map<string, string>(
    streamed.filter((span: Payload) => span.is_segment).map((span: Payload) => [span.span_id, span.name]),
  );
  const fromStream = streamed.map((span: Payload): WireSpan => {
    const attributes = plain(span.attributes);
    return {
      name: span.name,
      op: attributes['sentry.op'] as string | undefined,
      origin: attributes['sentry.origin'] as string | undefined,
      status: span.status,
      traceId: span.trace_id,
      parentSpanId: span.parent_span_id,
      segment: segments.get(String(attributes['sentry.segment.id'] ?? span.segment_id)) ?? undefined,
      attributes,
    };
  });
  return [...fromTransactions, ...fromStream];
}

/** The spans this package made. */
export const ownSpans = (sent: EnvelopeViews): WireSpan[] =>
  spans(sent).filter((span) => span.origin === 'auto.db.faultline.ioredis');

/** Error events (not transactions), read loosely. */
export const errorEvents = (sent: EnvelopeViews): Payload[] => sent.events();
