import { findSecrets } from '@faultline/testkit';
import { expect, it } from 'vitest';
import { type AppRun, checkIns, errorEvents, type Payload } from './harness.js';
import { PASSWORD, RECEIPT } from './planted.js';
import { type JobSpan, processSpans, publishSpans } from './spans.js';

const ORIGIN = 'auto.queue.faultline.bullmq';
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The `queue.publish` span whose job got the id `id`. */
function publishedAs(run: AppRun, queue: string, id: string): JobSpan {
  const span = publishSpans(run, queue).find(
    (candidate) => candidate.attributes['messaging.message.id'] === id,
  );
  if (!span) throw new Error(`no queue.publish span for job ${id} on ${queue}`);
  return span;
}

function errorsOf(run: AppRun, queue: string, jobName: string): Payload[] {
  return errorEvents(run, queue).filter((event) => event.tags['job.name'] === jobName);
}

/**
 * What every run of app.mjs must send, whatever the SDK major and trace lifecycle: the
 * assertions read spans from transactions and from streamed span items alike.
 */
export function expectJobsReported(getRun: () => AppRun): void {
  it('flushes, and leaves the data and options the app passed to add() as they were', () => {
    expect(getRun().report.flushed).toBe(true);
    expect(getRun().report.changed).toEqual([]);
  });

  it('carries the trace context in job.opts.faultline, next to the options the app gave', () => {
    const { charge } = getRun().report.workerOpts;
    expect(charge).toEqual({
      attempts: 3,
      faultline: {
        'sentry-trace': expect.stringMatching(/^[0-9a-f]{32}-[0-9a-f]{16}-1$/),
        baggage: expect.stringContaining('sentry-trace_id='),
        enqueuedAt: expect.any(Number),
      },
    });
  });

  it('reports a job that fails all three attempts once, with the real error and its stack', () => {
    const [event, ...more] = errorsOf(getRun(), 'payments', 'charge');
    expect(more).toEqual([]);
    const exception = event.exception.values.at(-1);
    expect(exception).toMatchObject({
      type: 'PaymentError',
      value: 'card declined for order o-1',
      mechanism: { type: ORIGIN, handled: false },
    });
    const frames = exception.stacktrace.frames.map((frame: Payload) => frame.filename ?? '');
    expect(frames.some((file: string) => file.endsWith('test/app.mjs'))).toBe(true);
    expect(event.tags).toMatchObject({ queue: 'payments', 'job.name': 'charge' });
  });

  it('adds a job context: id, attempts, times and the data with the password filtered', () => {
    const [event] = errorsOf(getRun(), 'payments', 'charge');
    expect(event.contexts.job).toEqual({
      id: '1',
      name: 'charge',
      queue: 'payments',
      attempt: 3,
      attempts: 3,
      enqueued_at: expect.stringMatching(ISO_TIME),
      processed_on: expect.stringMatching(ISO_TIME),
      data: { orderId: 'o-1', amount: 4200, password: '[Filtered]' },
    });
    expect(findSecrets(event, { PASSWORD })).toEqual([]);
  });

  it("records three queue.process spans for it, children of the producer's queue.publish span", () => {
    const run = getRun();
    const publish = publishedAs(run, 'payments', '1');
    const attempts = processSpans(run, 'payments', 'charge');
    expect(attempts.map((span) => span.attributes['messaging.message.retry.count'])).toEqual([0, 1, 2]);
    for (const span of attempts) {
      expect(span).toMatchObject({ status: 'error', traceId: publish.traceId, parentSpanId: publish.spanId });
      expect(span.attributes).toMatchObject({ 'messaging.system': 'bullmq', 'messaging.message.id': '1' });
    }
    const [event] = errorsOf(run, 'payments', 'charge');
    expect(event.contexts.trace).toMatchObject({ trace_id: publish.traceId, span_id: attempts[2]!.spanId });
  });

  it('records add() as a queue.publish span with the messaging attributes', () => {
    const publish = publishedAs(getRun(), 'payments', '3');
    expect(publish.name).toBe('publish payments');
    expect(publish.attributes).toMatchObject({
      'sentry.origin': ORIGIN,
      'messaging.system': 'bullmq',
      'messaging.destination.name': 'payments',
      'messaging.message.body.size': Buffer.byteLength(JSON.stringify(RECEIPT)),
    });
  });

  it('records a successful job with receive latency, body size and retry count', () => {
    const run = getRun();
    const [span, ...more] = processSpans(run, 'payments', 'receipt');
    expect(more).toEqual([]);
    expect(span).toMatchObject({ status: 'ok', name: 'process payments' });
    expect(span!.parentSpanId).toBe(publishedAs(run, 'payments', '3').spanId);
    expect(span!.attributes).toMatchObject({
      'sentry.origin': ORIGIN,
      'messaging.system': 'bullmq',
      'messaging.destination.name': 'payments',
      'messaging.message.id': '3',
      'messaging.message.retry.count': 0,
      'messaging.message.body.size': Buffer.byteLength(JSON.stringify(RECEIPT)),
    });
    expect(span!.attributes['messaging.message.receive.latency']).toBeGreaterThan(0);
    expect(errorsOf(run, 'payments', 'receipt')).toEqual([]);
  });

  it('propagates addBulk: one queue.publish span, each job processed in its trace', () => {
    const run = getRun();
    const [bulk, ...more] = publishSpans(run, 'payments').filter(
      (span) => span.attributes['messaging.batch.message_count'] === 2,
    );
    expect(more).toEqual([]);
    for (const name of ['bulk-a', 'bulk-b']) {
      const [span] = processSpans(run, 'payments', name);
      expect(span).toMatchObject({ status: 'ok', traceId: bulk!.traceId, parentSpanId: bulk!.spanId });
    }
  });

  it('reports an UnrecoverableError at once, on its first of three attempts', () => {
    const run = getRun();
    const [event, ...more] = errorsOf(run, 'payments', 'refund');
    expect(more).toEqual([]);
    expect(event.exception.values.at(-1)).toMatchObject({
      type: 'UnrecoverableError',
      value: 'refund window closed',
    });
    expect(event.contexts.job).toMatchObject({ attempt: 1, attempts: 3 });
    expect(processSpans(run, 'payments', 'refund')).toHaveLength(1);
  });

  it('does not report a job postponed with DelayedError, and keeps its span ok', () => {
    const run = getRun();
    const attempts = processSpans(run, 'payments', 'later');
    expect(attempts.map((span) => span.status)).toEqual(['ok', 'ok']);
    expect(errorsOf(run, 'payments', 'later')).toEqual([]);
  });

  it("reports every attempt with captureErrors: 'every-attempt'", () => {
    const run = getRun();
    const events = errorsOf(run, 'payments-every', 'charge');
    expect(events.map((event) => event.contexts.job.attempt).sort()).toEqual([1, 2, 3]);
    expect(processSpans(run, 'payments-every', 'charge')).toHaveLength(3);
  });

  it("starts a new trace linked to the producer span with trace: 'link'", () => {
    const run = getRun();
    const publish = publishedAs(run, 'linked', '1');
    const [span] = processSpans(run, 'linked', 'sync');
    expect(span!.traceId).not.toBe(publish.traceId);
    expect(span!.parentSpanId).not.toBe(publish.spanId); // Sentry 10 sets a made-up one on root spans
    expect(span!.links).toEqual([
      expect.objectContaining({
        trace_id: publish.traceId,
        span_id: publish.spanId,
        attributes: { 'sentry.link.type': 'message_origin' },
      }),
    ]);
  });

  it('sends cron check-ins for job schedulers: in_progress, then ok or error', () => {
    const run = getRun();
    const report = checkIns(run, 'nightly-report');
    expect(report.map((checkIn) => checkIn.status)).toEqual(['in_progress', 'ok']);
    expect(report[0].monitor_config).toEqual({ schedule: { type: 'interval', value: 1, unit: 'minute' } });
    expect(report[1]).toMatchObject({ check_in_id: report[0].check_in_id, duration: expect.any(Number) });
    const [job] = processSpans(run, 'cron', 'report'); // the check-ins belong to the job's trace
    expect(report.map((checkIn) => checkIn.contexts.trace.trace_id)).toEqual([job!.traceId, job!.traceId]);
    const sync = checkIns(run, 'hourly-sync');
    expect(sync.map((checkIn) => checkIn.status)).toEqual(['in_progress', 'error']);
    expect(sync[0].monitor_config).toEqual({ schedule: { type: 'crontab', value: '0 * * * *' } });
    expect(errorsOf(run, 'cron', 'sync')).toHaveLength(1);
    const slugs = new Set(run.sent.items('check_in').map((checkIn: Payload) => checkIn.monitor_slug));
    expect([...slugs].sort()).toEqual(['hourly-sync', 'nightly-report']);
  });
}
