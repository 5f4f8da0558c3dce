import { getTraceData, startSpan } from '@sentry/core';
import type { Queue } from 'bullmq';
import { toCarrier, withCarrier } from './carrier.js';
import { bodySize, ORIGIN } from './job.js';

/** The parts of a BullMQ 5 or 6 `Queue` that {@link instrumentQueue} wraps. */
export type ProducerQueue = Pick<Queue, 'name' | 'add' | 'addBulk'>;

type AddArgs = Parameters<ProducerQueue['add']>;
type BulkJobs = Parameters<ProducerQueue['addBulk']>[0];

const INSTRUMENTED = Symbol.for('@faultline/bullmq.instrumented');

function publishSpan(queue: string, batchSize?: number) {
  return {
    name: `publish ${queue}`,
    op: 'queue.publish',
    attributes: {
      'sentry.origin': ORIGIN,
      'messaging.system': 'bullmq',
      'messaging.destination.name': queue,
      'messaging.batch.message_count': batchSize,
    },
  };
}

/**
 * The trace context of the active span: called inside `startSpan`, the `queue.publish` span.
 * (`getTraceData({ span })` would be wrong on Sentry 10, which reads the scope the span started in.)
 */
const activeCarrier = () => toCarrier(getTraceData());

/**
 * Instruments a BullMQ queue in place and returns it: `add()` and `addBulk()` run inside a
 * `queue.publish` span (one per call), and each job carries that span's trace context
 * (`sentry-trace`, `baggage`) and the time it was added in its options, as `job.opts.faultline`.
 * The job's `data` is never changed. Calling it again on the same queue does nothing.
 *
 * @example
 * const emails = instrumentQueue(new Queue('emails', { connection }));
 * await emails.add('welcome', { to: 'jane@example.com' });
 */
export function instrumentQueue<Q extends ProducerQueue>(queue: Q): Q {
  const target = queue as Q & { [INSTRUMENTED]?: true };
  if (target[INSTRUMENTED]) return queue;
  const add = queue.add.bind(queue);
  const addBulk = queue.addBulk.bind(queue);

  const instrumentedAdd = (name: AddArgs[0], data: AddArgs[1], opts?: AddArgs[2]) =>
    startSpan(publishSpan(queue.name), async (span) => {
      if (span.isRecording()) span.setAttribute('messaging.message.body.size', bodySize(data));
      const job = await add(name, data, withCarrier(opts, activeCarrier()));
      if (job.id !== undefined) span.setAttribute('messaging.message.id', String(job.id));
      return job;
    });

  const instrumentedAddBulk = (jobs: BulkJobs) =>
    startSpan(publishSpan(queue.name, jobs.length), (span) => {
      if (span.isRecording()) {
        const size = jobs.reduce((sum, job) => sum + (bodySize(job.data) ?? 0), 0);
        span.setAttribute('messaging.message.body.size', size);
      }
      const carrier = activeCarrier();
      return addBulk(jobs.map((job) => ({ ...job, opts: withCarrier(job.opts, carrier) })));
    });

  Object.assign(target, { add: instrumentedAdd, addBulk: instrumentedAddBulk, [INSTRUMENTED]: true });
  return queue;
}
