import type { Scrubber } from '@faultline/scrub';
import type { Job } from 'bullmq';
import type { TraceCarrier } from './carrier.js';

/** The parts of a BullMQ 5 or 6 `Job` the worker side reads. */
export type SentryJob = Pick<
  Job,
  | 'id'
  | 'name'
  | 'data'
  | 'opts'
  | 'queueName'
  | 'attemptsMade'
  | 'timestamp'
  | 'processedOn'
  | 'repeatJobKey'
>;

/** Span origin of everything this package records. */
export const ORIGIN = 'auto.queue.faultline.bullmq';

/** Errors a processor throws to tell BullMQ to move the job, not that it failed. */
const CONTROL_FLOW = new Set(['DelayedError', 'WaitingError', 'WaitingChildrenError', 'RateLimitError']);

/** Whether `error` is BullMQ control flow (`DelayedError`, rate limiting…): never reported. */
export function isControlFlow(error: unknown): boolean {
  return (
    error instanceof Error && (CONTROL_FLOW.has(error.name) || error.message === 'bullmq:rateLimitExceeded')
  );
}

/**
 * Whether BullMQ will not retry the job after `error`: its last allowed attempt, an
 * `UnrecoverableError`, or a job discarded with `job.discard()` (BullMQ 5).
 */
export function isFinalAttempt(job: SentryJob, error: unknown): boolean {
  if (error instanceof Error && error.name === 'UnrecoverableError') return true;
  if ((job as { discarded?: unknown }).discarded === true) return true;
  return job.attemptsMade + 1 >= Math.max(job.opts.attempts ?? 1, 1);
}

/** UTF-8 bytes of the job's data as BullMQ stores it (JSON), or `undefined` if it cannot be serialized. */
export function bodySize(data: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(data ?? {}));
  } catch {
    return undefined;
  }
}

/** Milliseconds from `add()` (plus the job's `delay`) to now; `undefined` without a usable time. */
export function receiveLatency(job: SentryJob, carrier: TraceCarrier | undefined): number | undefined {
  const enqueuedAt = Number.isFinite(carrier?.enqueuedAt) ? carrier!.enqueuedAt : job.timestamp;
  if (!Number.isFinite(enqueuedAt)) return undefined;
  return Math.max(0, Date.now() - enqueuedAt - (job.opts.delay ?? 0));
}

function isoTime(ms: number | undefined): string | undefined {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * The `job` context of error events, built only when an event is sent: ids, attempts, times and
 * the job's data, scrubbed. The attempt is read when the attempt starts: BullMQ counts it up when
 * the attempt fails, before the event is processed.
 */
export function jobContext(job: SentryJob, scrubber: Scrubber | undefined): () => Record<string, unknown> {
  const attempt = job.attemptsMade + 1;
  return () => ({
    id: job.id,
    name: job.name,
    queue: job.queueName,
    attempt,
    attempts: Math.max(job.opts.attempts ?? 1, 1),
    enqueued_at: isoTime(job.timestamp),
    processed_on: isoTime(job.processedOn),
    delay: job.opts.delay || undefined,
    repeat_job_key: job.repeatJobKey,
    ...(scrubber ? { data: scrubber.scrubValue(job.data) } : {}),
  });
}
