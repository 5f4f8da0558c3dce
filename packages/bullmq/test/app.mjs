// The app under test: the real Sentry Node SDK, real BullMQ queues and workers on a real
// redis-server, sending over HTTP to the receiver process (@faultline/testkit's loopback receiver).
// Run as: node --conditions=@faultline/source --import tsx app.mjs (from the package directory)
// Env:  SENTRY_DSN      the receiver's DSN (required)
//       REDIS_PORT      the redis-server's port (required)
//       SENTRY_SDK      node (default, @sentry/node 11) or node-v10 (the @sentry/node-v10 alias)
//       TRACE_LIFECYCLE static or stream (default: the SDK's own default)
//       SCRUB=on        add scrubIntegration (off by default: the adapter alone scrubs job data)
// Its last stdout line is a JSON report: { flushed, changed, workerOpts }.
import { register } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD, RECEIPT } from './planted.js';

const sdk = process.env.SENTRY_SDK ?? 'node';
if (sdk === 'node-v10') register('./core-v10-hooks.mjs', import.meta.url);
const Sentry = await import(sdk === 'node-v10' ? '@sentry/node-v10' : '@sentry/node');
const dsn = process.env.SENTRY_DSN;
const redisPort = Number(process.env.REDIS_PORT);
if (!(dsn && redisPort > 0)) throw new Error('SENTRY_DSN and REDIS_PORT are required');
const lifecycle = process.env.TRACE_LIFECYCLE;
const { scrubIntegration } = await import('@faultline/scrub');

Sentry.init({
  dsn,
  // Dedupe drops an error identical to the one sent just before it: without it, every error the
  // adapter captures arrives, so the counts the tests expect are the adapter's own.
  integrations: (defaults) => [
    ...defaults.filter((integration) => integration.name !== 'Dedupe'),
    ...(process.env.SCRUB === 'on' ? [scrubIntegration()] : []),
  ],
  tracesSampleRate: 1,
  release: 'bullmq-e2e@1.0.0',
  environment: 'e2e',
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
});

// Loaded after init, as an app would: Sentry instruments ioredis, which BullMQ uses.
const { DelayedError, Queue, UnrecoverableError, Worker } = await import('bullmq');
const { instrumentQueue, withSentry } = await import('@faultline/bullmq');

const connection = { host: '127.0.0.1', port: redisPort };
const prefix = `e2e-${process.pid}-${Date.now()}`; // a fresh set of keys on every run

class PaymentError extends Error {
  name = 'PaymentError';
}

/** `job.opts` and `job.data` as the first attempt of each job name saw them. */
const workerOpts = {};
const workerData = {};
function remember(job) {
  workerOpts[job.name] ??= job.opts;
  workerData[job.name] ??= job.data;
}

const workers = [];
function worker(queue, processor, options) {
  const created = new Worker(queue, withSentry(processor, options), {
    connection,
    prefix,
    concurrency: 10,
    autorun: false,
  });
  workers.push(created);
  return created;
}

const payments = instrumentQueue(new Queue('payments', { connection, prefix }));
const every = instrumentQueue(new Queue('payments-every', { connection, prefix }));
const linked = instrumentQueue(new Queue('linked', { connection, prefix }));
const cron = new Queue('cron', { connection, prefix });
const queues = [payments, every, linked, cron];

worker('payments', async (job, token) => {
  remember(job);
  if (job.name === 'charge') throw new PaymentError(`card declined for order ${job.data.orderId}`);
  if (job.name === 'refund') throw new UnrecoverableError('refund window closed');
  if (job.name === 'later' && !job.data.delayed) {
    // BullMQ's documented way to postpone a job from its processor: not a failure.
    await job.updateData({ delayed: true });
    await job.moveToDelayed(Date.now() + 50, token);
    throw new DelayedError();
  }
  return { ok: true };
});
worker(
  'payments-every',
  async (job) => {
    throw new PaymentError(`card declined for order ${job.data.orderId}`);
  },
  { captureErrors: 'every-attempt' },
);
worker('linked', async (job) => remember(job), { trace: 'link' });
worker(
  'cron',
  async (job) => {
    if (job.name === 'sync') throw new Error('upstream API unavailable');
  },
  { cron: true },
);

// The producer side: jobs added inside request transactions.
const chargeData = { orderId: 'o-1', amount: 4200, password: PASSWORD };
const chargeOpts = { attempts: 3 };
const bulk = [
  { name: 'bulk-a', data: { n: 1 } },
  { name: 'bulk-b', data: { n: 2 }, opts: { attempts: 2 } },
];
const before = JSON.stringify({ chargeData, chargeOpts, bulk });

await Sentry.startSpan({ name: 'POST /checkout', op: 'http.server' }, async () => {
  await payments.add('charge', chargeData, chargeOpts);
  await payments.add('refund', { orderId: 'o-2' }, { attempts: 3 });
  await payments.add('receipt', RECEIPT);
  await payments.add('later', { delayed: false });
});
await Sentry.startSpan({ name: 'POST /batch', op: 'http.server' }, () => payments.addBulk(bulk));
await Sentry.startSpan({ name: 'POST /retry', op: 'http.server' }, () =>
  every.add('charge', { orderId: 'o-4' }, { attempts: 3 }),
);
await Sentry.startSpan({ name: 'POST /link', op: 'http.server' }, () => linked.add('sync', { n: 3 }));
await cron.upsertJobScheduler('Nightly Report', { every: 60_000 }, { name: 'report' });
await cron.upsertJobScheduler('hourly-sync', { pattern: '0 * * * *', immediately: true }, { name: 'sync' });

await sleep(20); // jobs wait in Redis a little: receive latency is measurable
for (const created of workers) created.run().catch((error) => console.error(error));

/** Waits until every queue holds the expected numbers of finished jobs. */
const expected = [
  [payments, { completed: 4, failed: 2 }],
  [every, { failed: 1 }],
  [linked, { completed: 1 }],
  [cron, { completed: 1, failed: 1 }],
];
const deadline = Date.now() + 20_000;
for (;;) {
  const counts = await Promise.all(expected.map(([queue]) => queue.getJobCounts('completed', 'failed')));
  const done = expected.every(([, want], index) =>
    Object.entries(want).every(([state, count]) => counts[index][state] >= count),
  );
  if (done) break;
  if (Date.now() > deadline) throw new Error(`jobs did not finish: ${JSON.stringify(counts)}`);
  await sleep(25);
}

await cron.removeJobScheduler('Nightly Report');
await cron.removeJobScheduler('hourly-sync');
await Promise.all(workers.map((created) => created.close()));
await Promise.all(queues.map((queue) => queue.close()));

const changed = [];
if (JSON.stringify({ chargeData, chargeOpts, bulk }) !== before)
  changed.push(`the app's data or options: ${JSON.stringify({ chargeData, chargeOpts, bulk })}`);
if (JSON.stringify(workerData.charge) !== JSON.stringify(chargeData))
  changed.push(`job.data in the worker: ${JSON.stringify(workerData.charge)}`);

const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
process.stdout.write(`\n${JSON.stringify({ flushed, changed, workerOpts })}\n`);
