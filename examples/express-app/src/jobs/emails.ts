import { instrumentQueue, withSentry } from '@faultline/bullmq';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { PasswordResetJob } from '../routes/password-reset.js';

/** The `emails` queue, its worker, and a way to stop both. */
export interface EmailJobs {
  queue: Queue;
  worker: Worker;
  close(): Promise<void>;
}

/** The worker's processor: the SMTP relay refuses the mail (the demo's job failure). */
export async function sendPasswordReset(job: Job<PasswordResetJob>): Promise<void> {
  throw new Error(`SMTP relay refused the password-reset mail to ${job.data.to}: 550 mailbox unavailable`);
}

/**
 * Starts the `emails` queue (instrumented: a `queue.publish` span per job, trace context in the
 * job options) and its worker (`withSentry`: a `queue.process` transaction per attempt, the final
 * failure captured with the job's data scrubbed). `onFailed` hears of each failed job.
 */
export function startEmailJobs(redisUrl: string, onFailed?: (job: Job) => void): EmailJobs {
  // BullMQ's workers block on Redis: their connections must retry forever
  const connections = [0, 1].map(() => new Redis(redisUrl, { maxRetriesPerRequest: null }));
  const queue = instrumentQueue(new Queue('emails', { connection: connections[0]! }));
  const worker = new Worker('emails', withSentry(sendPasswordReset), { connection: connections[1]! });
  worker.on('failed', (job) => {
    if (job) onFailed?.(job);
  });
  worker.on('error', () => {}); // connection errors are retried; the ioredis adapter reports outages
  return {
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
      await Promise.all(connections.map((connection) => connection.quit().catch(() => undefined)));
    },
  };
}
