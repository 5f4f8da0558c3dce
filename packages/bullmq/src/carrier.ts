/**
 * The job option under which `instrumentQueue` stores the producer's trace context:
 * `job.opts.faultline`. BullMQ keeps unknown job options as they are (tested with 6.7: through
 * Redis, retries, delays and `addBulk`), so the job's `data` is never touched.
 */
export const TRACE_OPTION = 'faultline';

/** What travels in `job.opts.faultline`: the producer span's trace headers and when it was added. */
export interface TraceCarrier {
  /** The `sentry-trace` header of the `queue.publish` span. */
  'sentry-trace': string;
  /** The `baggage` header (dynamic sampling context), when there is one. */
  baggage?: string;
  /** `Date.now()` when `add()` / `addBulk()` was called. */
  enqueuedAt: number;
}

/** A carrier from the trace headers of a span, or `undefined` when Sentry is not set up. */
export function toCarrier(headers: { 'sentry-trace'?: string; baggage?: string }): TraceCarrier | undefined {
  const sentryTrace = headers['sentry-trace'];
  if (!sentryTrace) return undefined;
  return { 'sentry-trace': sentryTrace, baggage: headers.baggage, enqueuedAt: Date.now() };
}

/** A copy of the job options with the carrier added; the caller's object is not changed. */
export function withCarrier<O extends object>(
  opts: O | undefined,
  carrier: TraceCarrier | undefined,
): O | undefined {
  return carrier ? ({ ...opts, [TRACE_OPTION]: carrier } as O) : opts;
}

/** The carrier of a job, if a producer put a usable one there. */
export function readCarrier(opts: unknown): TraceCarrier | undefined {
  const carrier = (opts as Record<string, unknown> | undefined)?.[TRACE_OPTION] as
    | Partial<TraceCarrier>
    | undefined;
  if (typeof carrier?.['sentry-trace'] !== 'string') return undefined;
  return {
    'sentry-trace': carrier['sentry-trace'],
    baggage: typeof carrier.baggage === 'string' ? carrier.baggage : undefined,
    enqueuedAt: typeof carrier.enqueuedAt === 'number' ? carrier.enqueuedAt : Number.NaN,
  };
}
