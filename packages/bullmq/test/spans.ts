import { type AppRun, type Payload, payloads, streamedSpans } from './harness.js';

/** A span as the tests read it, from a transaction (static lifecycle) or a streamed span item. */
export interface SpanView {
  op: string | undefined;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  /** `ok`, or `error` for any other status. */
  status: 'ok' | 'error';
  data: Record<string, unknown>;
  links: Array<{ trace_id: string; span_id: string; attributes: Record<string, unknown> }>;
}

const statusOf = (status: unknown): 'ok' | 'error' =>
  status === undefined || status === 'ok' ? 'ok' : 'error';

/** Streamed attributes are `{ value, type }`; static ones are plain. */
function plain(attributes: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null && 'value' in value ? value.value : value,
    ]),
  );
}

function linksOf(links: Payload[] | undefined): SpanView['links'] {
  return (links ?? []).map((link) => ({ ...link, attributes: plain(link.attributes) }));
}

/** Every span that arrived: transactions and their child spans, and streamed spans. */
export function spans(run: AppRun): SpanView[] {
  const fromTransactions = payloads(run.envelopes, 'transaction').flatMap((event): SpanView[] => {
    const trace = event.contexts.trace;
    const root: SpanView = {
      op: trace.op,
      name: event.transaction,
      traceId: trace.trace_id,
      spanId: trace.span_id,
      parentSpanId: trace.parent_span_id,
      status: statusOf(trace.status),
      data: trace.data ?? {},
      links: linksOf(trace.links),
    };
    const children = (event.spans ?? []).map(
      (span: Payload): SpanView => ({
        op: span.op,
        name: span.description,
        traceId: span.trace_id,
        spanId: span.span_id,
        parentSpanId: span.parent_span_id,
        status: statusOf(span.status),
        data: span.data ?? {},
        links: linksOf(span.links),
      }),
    );
    return [root, ...children];
  });
  const streamed = streamedSpans(run.envelopes).map((span: Payload): SpanView => {
    const data = plain(span.attributes);
    return {
      op: data['sentry.op'] as string | undefined,
      name: span.name,
      traceId: span.trace_id,
      spanId: span.span_id,
      parentSpanId: span.parent_span_id,
      status: statusOf(span.status),
      data,
      links: linksOf(span.links),
    };
  });
  return [...fromTransactions, ...streamed];
}

/** `queue.process` spans of one job name on one queue, in the order of their retry count. */
export function processSpans(run: AppRun, queue: string, jobName: string): SpanView[] {
  return spans(run)
    .filter(
      (span) =>
        span.op === 'queue.process' &&
        span.data['messaging.destination.name'] === queue &&
        span.data['messaging.bullmq.job.name'] === jobName,
    )
    .sort(
      (a, b) =>
        Number(a.data['messaging.message.retry.count']) - Number(b.data['messaging.message.retry.count']),
    );
}

/** `queue.publish` spans on one queue. */
export function publishSpans(run: AppRun, queue: string): SpanView[] {
  return spans(run).filter(
    (span) => span.op === 'queue.publish' && span.data['messaging.destination.name'] === queue,
  );
}
