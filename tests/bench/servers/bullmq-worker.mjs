// One process of the BullMQ bench: `node [--import ./instrument-sentry.mjs] bullmq-worker.mjs`,
// BENCH_LABEL naming it, REDIS_PORT the redis-server to use. It loads BullMQ after Sentry (as an
// app does), sends 'ready', then runs a round for each { variant, jobs } message: a fresh queue
// and a Worker (concurrency 10) processing no-op jobs, `plain` or with the adapter
// (instrumentQueue on the producer, withSentry on the processor), while 20 add() calls at a time
// feed it. It answers { jobsPerSecond, cpuMicrosPerJob }, measured from the first add() to the
// last completion.
import { Queue, Worker } from 'bullmq';

const adapter = process.env.BENCH_LABEL === 'none' ? undefined : await import('@faultline/bullmq');
const connection = { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) };
const IN_FLIGHT = 20;
let round = 0;

const processor = async (job) => job.data.n;

async function run(variant, jobs) {
  const name = `bench-${process.env.BENCH_LABEL}-${round++}`;
  const queue = new Queue(name, { connection });
  const worker = new Worker(name, variant === 'adapter' ? adapter.withSentry(processor) : processor, {
    connection,
    concurrency: 10,
  });
  await worker.waitUntilReady();
  const producer = variant === 'adapter' ? adapter.instrumentQueue(queue) : queue;
  let completed = 0;
  const done = new Promise((resolve) => {
    worker.on('completed', () => {
      completed += 1;
      if (completed === jobs) resolve();
    });
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const adders = Array.from({ length: IN_FLIGHT }, async () => {
    while (next < jobs) {
      const n = next++;
      await producer.add('work', { n, customer: `c-${n % 100}` }, { removeOnComplete: true });
    }
  });
  await Promise.all([...adders, done]);
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobsPerSecond: jobs / seconds, cpuMicrosPerJob: (user + system) / jobs };
}

process.on('message', async ({ variant, jobs }) => {
  process.send(await run(variant, jobs));
});
process.on('disconnect', () => process.exit(0));
process.send('ready');
