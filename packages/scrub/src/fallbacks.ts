import type { Event, SpanJSON, StreamedSpanJSON } from '@sentry/core';

/**
 * What is sent when scrubbing fails: only ids, timestamps and levels, and names (environment,
 * release, exception type) that have a name's shape and that the detectors find clean, so a
 * failure is visible in Sentry without leaking.
 */
const SAFE_ID = /^[0-9a-f]{16,32}$/;
const SAFE_NAME = /^[\w.@+/:-]{1,200}$/;
/** Span ops and statuses: `http.server`, `db.query`, `ok`, `internal_error`. */
const SAFE_OP = /^[a-z][a-z0-9_.]{0,63}$/;
const LEVELS = new Set(['fatal', 'error', 'warning', 'log', 'info', 'debug']);

function read(object: unknown, key: string): unknown {
  try {
    return (object as Record<string, unknown> | undefined)?.[key];
  } catch {
    return undefined;
  }
}

function pick(object: unknown, key: string, accept: (value: unknown) => boolean): unknown {
  const value = read(object, key);
  return accept(value) ? value : undefined;
}

const isSafeId = (value: unknown) => typeof value === 'string' && SAFE_ID.test(value);
const isSafeOp = (value: unknown) => typeof value === 'string' && SAFE_OP.test(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/** Tells whether a text holds nothing a detector would filter; false when in doubt. */
export type CleanCheck = (text: string) => boolean;

/** The event sent instead of one that could not be scrubbed (`onFailure: 'minimal'`). */
export function minimalEvent(event: Event, isClean: CleanCheck): Event {
  const isSafeName = (value: unknown) => typeof value === 'string' && SAFE_NAME.test(value) && isClean(value);
  const firstException = read(read(read(event, 'exception'), 'values'), '0');
  const trace = read(read(event, 'contexts'), 'trace');
  const minimal: Record<string, unknown> = {
    event_id: pick(event, 'event_id', isSafeId),
    timestamp: pick(event, 'timestamp', isNumber),
    level: pick(event, 'level', (value) => typeof value === 'string' && LEVELS.has(value)) ?? 'error',
    platform: pick(event, 'platform', isSafeName),
    environment: pick(event, 'environment', isSafeName),
    release: pick(event, 'release', isSafeName),
    message: 'Event withheld: @faultline/scrub could not scrub it safely',
    tags: { 'faultline.scrub': 'failed' },
    exception: {
      values: [{ type: pick(firstException, 'type', isSafeName) ?? 'Error', value: '[Filtered]' }],
    },
    contexts: {
      trace: { trace_id: pick(trace, 'trace_id', isSafeId), span_id: pick(trace, 'span_id', isSafeId) },
    },
  };
  return JSON.parse(JSON.stringify(minimal)) as Event;
}

/** Reduces a span that could not be scrubbed, in place, to ids, timings, op and status. */
export function minimalSpan<T extends SpanJSON | StreamedSpanJSON>(span: T, replacement: string): T {
  const kept: Record<string, unknown> = {};
  for (const key of ['trace_id', 'span_id', 'parent_span_id', 'segment_id'])
    kept[key] = pick(span, key, isSafeId);
  for (const key of ['start_timestamp', 'end_timestamp', 'timestamp']) kept[key] = pick(span, key, isNumber);
  for (const key of ['op', 'status', 'origin']) kept[key] = pick(span, key, isSafeOp);
  kept.is_segment = pick(span, 'is_segment', (value) => typeof value === 'boolean');
  const streamed = read(span, 'attributes') !== undefined || read(span, 'is_segment') !== undefined;
  Object.assign(
    kept,
    streamed ? { name: replacement, attributes: {} } : { description: replacement, data: {} },
  );
  const target = span as unknown as Record<string, unknown>;
  try {
    for (const key of Object.keys(target)) delete target[key];
    for (const [key, value] of Object.entries(kept)) if (value !== undefined) target[key] = value;
    return span;
  } catch {
    return JSON.parse(JSON.stringify(kept)) as T;
  }
}
