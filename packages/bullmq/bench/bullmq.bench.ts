/**
 * `pnpm bench` (after `pnpm build`): jobs per second through a real redis-server (a free port) in
 * one process with @sentry/node 11 initialised (a transport that drops envelopes): without the
 * adapter, with it (`instrumentQueue` + `withSentry`), and with Sentry's `BullMQTelemetry` for
 * comparison. Each round adds the jobs (IN_FLIGHT `add()` calls at a time) while a worker with
 * concurrency 10 processes them, and measures the time from the first `add()` to the last
 * completion and the CPU time the process used (less sensitive to other load on the machine).
 * Two processors: an empty one — the worst case, BullMQ and Sentry are all the work there is —
 * and one that computes for 1 ms. Rounds alternate the variants; medians are printed, with the
 * ratio to the plain run and the CPU added per job, for each `tracesSampleRate`.
 */
import { createTransport } from '@sentry/core';
import * as Sentry from '@sentry/node';
import type { Telemetry } from 'bullmq';

Sentry.init({
  dsn: 'http://public@127.0.0.1:9/1',
  tracesSampleRate: 1,
  transport: (options) => createTransport(options, async () => ({ statusCode: 200 })),
});

// Loaded after init, as in an app: Sentry instruments ioredis, which BullMQ uses.
const { Queue, Worker } = await import('bullmq');
const { instrumentQueue, withSentry } = await import('@faultline/bullmq');
const { RedisServer } = await import('@faultline/test-servers');

const IN_FLIGHT = 20;
const ROUNDS = 5;
type Variant = 'plain' | 'adapter' | 'BullMQTelemetry';
const VARIANTS: Variant[] = ['plain', 'adapter', 'BullMQTelemetry'];
type Processor = (job: { data: { n: number } }) => Promise<number>;

/** Spins for `ms` of wall time, as a job that parses, computes or renders would. */
function compute(ms: number): number {
  const until = performance.now() + ms;
  let spins = 0;
  while (performance.now() < until) spins++;
  return spins;
}

const WORKLOADS: Array<{ name: string; jobs: number; rates: number[]; processor: Processor }> = [
  { name: 'empty job', jobs: 3_000, rates: [0, 0.1, 1], processor: async (job) => job.data.n },
  { name: '1 ms job', jobs: 1_000, rates: [0.1, 1], processor: async () => compute(1) },
];

const redis = await RedisServer.start();
const connection = { host: '127.0.0.1', port: redis.port };
let round = 0;

interface Round {
  jobsPerSecond: number;
  cpuMicrosPerJob: number;
}

/** One round: a fresh queue and worker, `jobs` jobs, their jobs/s and CPU µs per job. */
async function run(variant: Variant, jobs: number, processor: Processor): Promise<Round> {
  const name = `bench-${round++}`;
  // Sentry 11.12 declares BullMQ's AttributeValue narrower than BullMQ 6.7 does: the cast is for types only.
  const telemetry =
    variant === 'BullMQTelemetry' ? { telemetry: new Sentry.BullMQTelemetry() as unknown as Telemetry } : {};
  const queue = new Queue(name, { connection, ...telemetry });
  const worker = new Worker(name, variant === 'adapter' ? withSentry(processor) : processor, {
    connection,
    concurrency: 10,
    ...telemetry,
  });
  await worker.waitUntilReady();
  const producer = variant === 'adapter' ? instrumentQueue(queue) : queue;
  let completed = 0;
  const done = new Promise<void>((resolve) => {
    worker.on('completed', () => {
      if (++completed === jobs) resolve();
    });
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const adders = Array.from({ length: IN_FLIGHT }, async () => {
    while (next < jobs) {
      const n = next++;
      const data = { n, customer: `c-${n % 100}`, items: [n, n + 1] };
      await producer.add('work', data, { removeOnComplete: true });
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

try {
  for (const variant of VARIANTS) await run(variant, 1_000, WORKLOADS[0]!.processor); // warm-up
  const table: Record<string, Record<string, string>> = {};
  for (const { name, jobs, rates, processor } of WORKLOADS) {
    for (const rate of rates) {
      Sentry.getClient()!.getOptions().tracesSampleRate = rate;
      const rounds = new Map<Variant, Round[]>(VARIANTS.map((variant) => [variant, []]));
      for (let index = 0; index < ROUNDS; index++)
        for (const variant of VARIANTS) rounds.get(variant)!.push(await run(variant, jobs, processor));
      const perSecond = (variant: Variant) => median(rounds.get(variant)!.map((r) => r.jobsPerSecond));
      const cpu = (variant: Variant) => median(rounds.get(variant)!.map((r) => r.cpuMicrosPerJob));
      for (const variant of VARIANTS) {
        table[`${name}, rate ${rate}, ${variant}`] = {
          'jobs/s': Math.round(perSecond(variant)).toLocaleString('en-US'),
          ratio: `${(perSecond(variant) / perSecond('plain')).toFixed(2)}×`,
          'CPU/job': `${Math.round(cpu(variant))} µs`,
          'CPU ratio': `${(cpu('plain') / cpu(variant)).toFixed(2)}×`,
          'CPU added': variant === 'plain' ? '' : `${Math.round(cpu(variant) - cpu('plain'))} µs`,
        };
      }
    }
  }
  console.table(table);
  console.log(`${ROUNDS} rounds per variant, concurrency 10; ratios to the plain run of the same rate`);
} finally {
  await Sentry.close(2_000);
  await redis.kill();
}
