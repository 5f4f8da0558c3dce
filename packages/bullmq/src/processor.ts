import {
  captureException,
  continueTrace,
  extractTraceparentData,
  type Span,
  type StartSpanOptions,
  startNewTrace,
  startSpan,
  withIsolationScope,
} from '@sentry/core';
import { readCarrier, type TraceCarrier } from './carrier.js';
import { startCheckIn } from './check-ins.js';
import {
  bodySize,
  isControlFlow,
  isFinalAttempt,
  jobContext,
  ORIGIN,
  receiveLatency,
  type SentryJob,
} from './job.js';
import { type ResolvedOptions, resolveOptions, type WithSentryOptions } from './options.js';

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

function processSpan(job: SentryJob, links: StartSpanOptions['links']): StartSpanOptions {
  return {
    name: `process ${job.queueName}`,
    op: 'queue.process',
    links,
    attributes: {
      'sentry.origin': ORIGIN,
      'messaging.system': 'bullmq',
      'messaging.destination.name': job.queueName,
      'messaging.message.id': job.id === undefined ? undefined : String(job.id),
      'messaging.message.retry.count': job.attemptsMade,
      'messaging.bullmq.job.name': job.name,
    },
  };
}

/** Runs `callback` in the producer's trace (`continue`), or in a new trace linked to it (`link`). */
function inTrace<T>(carrier: TraceCarrier | undefined, link: boolean, callback: () => T): T {
  if (carrier && !link)
    return continueTrace({ sentryTrace: carrier['sentry-trace'], baggage: carrier.baggage }, callback);
  return startNewTrace(callback);
}

function linksTo(carrier: TraceCarrier | undefined): StartSpanOptions['links'] {
  const parent = carrier && extractTraceparentData(carrier['sentry-trace']);
  if (!parent?.traceId || !parent.parentSpanId) return undefined;
  const context = {
    traceId: parent.traceId,
    spanId: parent.parentSpanId,
    traceFlags: parent.parentSampled ? 1 : 0,
  };
  return [{ context, attributes: { 'sentry.link.type': 'message_origin' } }];
}

/** Runs one attempt inside its span; reports a failure as configured. Never throws: returns the outcome. */
async function attempt<R>(span: Span, job: SentryJob, run: () => Promise<R>, options: ResolvedOptions) {
  try {
    return { ok: true, value: await run() } as Outcome<R>;
  } catch (error) {
    if (!isControlFlow(error)) {
      span.setStatus({ code: 2, message: 'internal_error' });
      if (options.everyAttempt || isFinalAttempt(job, error))
        captureException(error, { mechanism: { type: ORIGIN, handled: false } });
    }
    return { ok: false, error } as Outcome<R>;
  }
}

/** One attempt inside the job's trace: its check-ins (with `cron`), its span and its outcome. */
async function traced<R>(
  job: SentryJob,
  carrier: TraceCarrier | undefined,
  options: ResolvedOptions,
  run: () => Promise<R>,
): Promise<Outcome<R>> {
  const finishCheckIn = options.cron && startCheckIn(job, options.cron);
  const outcome = await startSpan(processSpan(job, options.link ? linksTo(carrier) : undefined), (span) => {
    if (span.isRecording()) {
      // Measured only for spans that are sent: serializing the data costs time.
      span.setAttribute('messaging.message.receive.latency', receiveLatency(job, carrier));
      span.setAttribute('messaging.message.body.size', bodySize(job.data));
    }
    return attempt(span, job, run, options);
  });
  finishCheckIn?.(outcome.ok || isControlFlow(outcome.error) ? 'ok' : 'error');
  return outcome;
}

/**
 * Wraps a BullMQ processor so that each attempt of each job runs in a fresh Sentry isolation
 * scope, inside a `queue.process` transaction that continues the trace `instrumentQueue` put in
 * the job (or links to it), with tags `queue` and `job.name`. A failed attempt is reported with
 * the real error, and a `job` context holding the scrubbed data, when BullMQ will not retry it
 * (or on every attempt); the error is rethrown unchanged, so BullMQ retries and fails the job as
 * it would without Sentry. BullMQ control-flow errors (`DelayedError`, rate limiting…) are never
 * reported. With `cron`, jobs of job schedulers also send cron check-ins.
 *
 * @example
 * new Worker('emails', withSentry(async (job) => sendEmail(job.data)), { connection });
 */
export function withSentry<J extends SentryJob, R>(
  processor: (job: J, token?: string, signal?: AbortSignal) => Promise<R>,
  options?: WithSentryOptions,
): (job: J, token?: string, signal?: AbortSignal) => Promise<R> {
  const resolved = resolveOptions(options);
  const wrapped = (job: J, token?: string, signal?: AbortSignal): Promise<R> =>
    withIsolationScope(async (scope) => {
      scope.setTag('queue', job.queueName);
      scope.setTag('job.name', job.name);
      const context = jobContext(job, resolved.scrubber);
      scope.addEventProcessor((event) => {
        if (event.type === undefined) event.contexts = { ...event.contexts, job: context() };
        return event;
      });
      const carrier = readCarrier(job.opts);
      const run = () => processor(job, token, signal);
      const outcome = await inTrace(carrier, resolved.link, () => traced(job, carrier, resolved, run));
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  // BullMQ passes an AbortSignal only to processors that declare a third parameter.
  Object.defineProperty(wrapped, 'length', { value: processor.length });
  return wrapped;
}
