import type { SpanView } from '@faultline/testkit';
import type { AppRun, Payload } from './harness.js';

/** A link of a span to another (BullMQ's `trace: 'link'`), its attributes unwrapped. */
export interface SpanLink {
  trace_id: string;
  span_id: string;
  attributes: Record<string, unknown>;
}

/** testkit's span (from a transaction or a streamed span item alike), with the links it lacks. */
export interface JobSpan extends SpanView {
  links: SpanLink[];
}

/** Streamed attributes are `{ value, type }`; static ones are plain. */
function plain(attributes: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null && 'value' in value ? value.value : value,
    ]),
  );
}

/** The links of every span that has some, by span id: transaction roots and children, streamed spans. */
function linksBySpanId(run: AppRun): Map<string, SpanLink[]> {
  const sent: Payload[] = [
    ...run.sent.transactions().flatMap((event: Payload) => [event.contexts?.trace, ...(event.spans ?? [])]),
    ...run.sent.items('span').flatMap((container: Payload) => container.items ?? []),
  ];
  return new Map(
    sent
      .filter((span) => span?.links?.length)
      .map((span) => [
        span.span_id,
        span.links.map((link: Payload) => ({ ...link, attributes: plain(link.attributes) })),
      ]),
  );
}

/** Every span that arrived: transactions and their child spans, and streamed spans. */
export function spans(run: AppRun): JobSpan[] {
  const links = linksBySpanId(run);
  return run.sent.spans().map((span) => ({ ...span, links: links.get(span.spanId) ?? [] }));
}

/** `queue.process` spans of one job name on one queue, in the order of their retry count. */
export function processSpans(run: AppRun, queue: string, jobName: string): JobSpan[] {
  return spans(run)
    .filter(
      (span) =>
        span.op === 'queue.process' &&
        span.attributes['messaging.destination.name'] === queue &&
        span.attributes['messaging.bullmq.job.name'] === jobName,
    )
    .sort(
      (a, b) =>
        Number(a.attributes['messaging.message.retry.count']) -
        Number(b.attributes['messaging.message.retry.count']),
    );
}

/** `queue.publish` spans on one queue. */
export function publishSpans(run: AppRun, queue: string): JobSpan[] {
  return spans(run).filter(
    (span) => span.op === 'queue.publish' && span.attributes['messaging.destination.name'] === queue,
  );
}
