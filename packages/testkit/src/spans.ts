import type { SpanView } from './types.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOr(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Static spans carry Sentry's status names (`internal_error`, `not_found` …); streamed ones `ok`/`error`. */
function statusOf(status: unknown): SpanView['status'] {
  return status === undefined || status === null || status === 'ok' || status === 'unset' ? 'ok' : 'error';
}

/** `{ key: { value, type } }` → `{ key: value }`; a value that is not wrapped is kept as is. */
export function unwrapAttributes(attributes: unknown): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(objectOr(attributes)))
    plain[key] = isObject(attribute) && 'value' in attribute ? attribute.value : attribute;
  return plain;
}

/** The root span (`contexts.trace`) and the child spans (`spans[]`) of a transaction event. */
export function spansOfTransaction(payload: unknown): SpanView[] {
  const event = objectOr(payload);
  const trace = objectOr(objectOr(event.contexts).trace);
  const rootData = objectOr(trace.data);
  const root: SpanView = {
    name: text(event.transaction) ?? '',
    op: text(trace.op) ?? text(rootData['sentry.op']),
    traceId: text(trace.trace_id) ?? '',
    spanId: text(trace.span_id) ?? '',
    parentSpanId: text(trace.parent_span_id),
    isSegment: true,
    status: statusOf(trace.status),
    attributes: { ...rootData },
    startTimestamp: seconds(event.start_timestamp),
    endTimestamp: seconds(event.timestamp),
  };
  const children = (Array.isArray(event.spans) ? event.spans : []).filter(isObject).map((span) => {
    const data = objectOr(span.data);
    return {
      name: text(span.description) ?? '',
      op: text(span.op) ?? text(data['sentry.op']),
      traceId: text(span.trace_id) ?? root.traceId,
      spanId: text(span.span_id) ?? '',
      parentSpanId: text(span.parent_span_id),
      isSegment: false,
      status: statusOf(span.status),
      attributes: { ...data },
      startTimestamp: seconds(span.start_timestamp),
      endTimestamp: seconds(span.timestamp),
    } satisfies SpanView;
  });
  return [root, ...children];
}

function streamedSpan(span: JsonObject): SpanView {
  const attributes = unwrapAttributes(span.attributes);
  return {
    name: text(span.name) ?? '',
    op: text(attributes['sentry.op']) ?? text(span.op),
    traceId: text(span.trace_id) ?? '',
    spanId: text(span.span_id) ?? '',
    parentSpanId: text(span.parent_span_id),
    isSegment: span.is_segment === true,
    status: statusOf(span.status),
    attributes,
    startTimestamp: seconds(span.start_timestamp),
    endTimestamp: seconds(span.end_timestamp ?? span.timestamp),
  };
}

/** The spans of a streamed `span` item: a container `{ items: [...] }`, or a single span. */
export function spansOfSpanItem(payload: unknown): SpanView[] {
  if (!isObject(payload)) return [];
  if (Array.isArray(payload.items)) return payload.items.filter(isObject).map(streamedSpan);
  return typeof payload.span_id === 'string' ? [streamedSpan(payload)] : [];
}
