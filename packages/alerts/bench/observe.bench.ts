/**
 * `pnpm bench`: observe() throughput with the memory store and with the Redis store (a real
 * redis-server on a free port; observe plus the background ticks until every count is applied),
 * and the heap held by the memory store at 100,000 groups. Prints each figure against its aim.
 */
import { setImmediate as yieldToTicks } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type AlertStore, createAlertEngine, type Event, memoryStore, redisStore } from '@faultline/alerts';
import { RedisServer } from '@faultline/test-servers';
import { Redis } from 'ioredis';

setFlagsFromString('--expose-gc');
const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;

const GROUPS = 1_000;
const ROUNDS = 7;
const PER_ROUND = 1_000_000;
const NEVER = { threshold: 1_000_000_000, windowMs: 60_000 };

/** An error event as @sentry/node builds it; groups differ by their in-app function. */
function event(group: number, index = 0): Event {
  return {
    event_id: index.toString(16).padStart(32, '0'),
    level: 'error',
    environment: 'production',
    server_name: 'bench',
    tags: { route: '/pay' },
    exception: {
      values: [
        {
          type: 'PaymentError',
          value: 'card declined for [Filtered]',
          stacktrace: {
            frames: [
              { function: 'processTicksAndRejections', in_app: false },
              { function: `handler${group}`, in_app: true },
              { function: 'Stripe.request', in_app: false },
            ],
          },
        },
      ],
    },
  };
}

const events = Array.from({ length: GROUPS * 10 }, (_, index) => event(index % GROUPS, index));
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const perSecond = (count: number, ns: number) => (count / ns) * 1e9;
const format = (rate: number) =>
  rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${(rate / 1e3).toFixed(0)} k/s`;

async function memoryThroughput(): Promise<number> {
  const engine = createAlertEngine({ notifiers: [], burst: NEVER, errorRate: false });
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < PER_ROUND; index++) engine.observe(events[index % events.length]!);
    const elapsed = Number(process.hrtime.bigint() - start);
    await engine.flush();
    if (round >= 2) rates.push(perSecond(PER_ROUND, elapsed)); // two warm-up rounds
  }
  await engine.close();
  return median(rates);
}

/** The worst case for Redis: every event a new group, flushed every 5,000 events (no local aggregation). */
async function redisDistinct(total: number): Promise<number> {
  const server = await RedisServer.start();
  const engine = createAlertEngine({
    notifiers: [],
    store: redisStore({ url: server.url, prefix: 'distinct:' }),
    burst: NEVER,
    errorRate: false,
  });
  try {
    const start = process.hrtime.bigint();
    for (let index = 0; index < total; index++) {
      engine.observe({ ...events[index % events.length]!, fingerprint: [`distinct-${index}`] });
      if (index % 5_000 === 4_999 && !(await engine.flush(30_000))) throw new Error('a flush failed');
    }
    if (!(await engine.flush(30_000))) throw new Error('a flush failed');
    const elapsed = Number(process.hrtime.bigint() - start);
    const redis = new Redis(server.url);
    const keys = await redis.dbsize();
    await redis.quit();
    if (keys < total) throw new Error(`Redis holds ${keys} keys, expected at least ${total}`);
    return perSecond(total, elapsed);
  } finally {
    await engine.close(5_000);
    await server.kill();
  }
}

/** Observes `total` events in chunks, letting the ticks run between chunks, then flushes; all counts verified in Redis. */
async function redisThroughput(total: number): Promise<{ rate: number; writes: number; writeMs: number }> {
  const server = await RedisServer.start();
  const inner = redisStore({ url: server.url, prefix: 'bench:' });
  const durations: number[] = [];
  const store: AlertStore = {
    name: 'timed-redis',
    async add(entries, now, rule) {
      const start = performance.now();
      const windows = await inner.add(entries, now, rule);
      durations.push(performance.now() - start);
      return windows;
    },
    addRate: inner.addRate,
    close: inner.close,
  };
  const engine = createAlertEngine({ notifiers: [], store, burst: NEVER, errorRate: false, tickMs: 50 });
  try {
    const start = process.hrtime.bigint();
    for (let index = 0; index < total; ) {
      const end = index + 10_000;
      for (; index < end; index++) engine.observe(events[index % events.length]!);
      await yieldToTicks();
    }
    if (!(await engine.flush(30_000))) throw new Error('the Redis store did not take every count');
    const elapsed = Number(process.hrtime.bigint() - start);
    const redis = new Redis(server.url);
    let applied = 0;
    for (let group = 0; group < GROUPS; group++)
      for (const count of await redis.hvals(`bench:w:PaymentError|handler${group}`)) applied += Number(count);
    await redis.quit();
    if (applied !== total) throw new Error(`Redis holds ${applied} counts, expected ${total}`);
    return { rate: perSecond(total, elapsed), writes: durations.length, writeMs: median(durations) };
  } finally {
    await engine.close(5_000);
    await server.kill();
  }
}

/**
 * Memory held by an engine on the memory store once it has counted `groups` distinct groups: the
 * heapUsed delta after gc, and that plus ArrayBuffers (the count slab is a typed array, outside the heap).
 */
async function heapAt(groups: number): Promise<{ heap: number; total: number }> {
  const used = () => {
    const usage = process.memoryUsage();
    return [usage.heapUsed, usage.heapUsed + usage.arrayBuffers] as const;
  };
  gc();
  const before = used();
  const engine = createAlertEngine({ notifiers: [], store: memoryStore(), burst: NEVER, errorRate: false });
  for (let group = 0; group < groups; group++) {
    engine.observe({ ...event(group), fingerprint: [`payments`, `group-${group}`] });
    if (group % 5_000 === 4_999) await engine.flush();
  }
  await engine.flush();
  gc();
  const after = used();
  await engine.close(); // after the measurement: keeps the engine and its store alive until then
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return { heap: mb(after[0] - before[0]), total: mb(after[1] - before[1]) };
}

const memory = await memoryThroughput();
const redis = await redisThroughput(2_000_000);
const distinct = await redisDistinct(100_000);
const heap = await heapAt(100_000);

console.log(`observe() of events of ${GROUPS} groups; median of ${ROUNDS} rounds of ${PER_ROUND} (memory)`);
console.table([
  {
    measure: 'observe(), memory store',
    result: format(memory),
    aim: '≥ 1 M/s',
    'result / aim': (memory / 1e6).toFixed(1),
  },
  {
    measure: 'observe() + ticks until applied, Redis store',
    result: format(redis.rate),
    aim: '≥ 50 k/s',
    'result / aim': (redis.rate / 5e4).toFixed(1),
  },
  {
    measure: 'observe() + flush every 5,000, Redis store, every event a new group',
    result: format(distinct),
    aim: '≥ 50 k/s',
    'result / aim': (distinct / 5e4).toFixed(1),
  },
  {
    measure: `Redis write per tick (${GROUPS} groups, one script call)`,
    result: `${redis.writeMs.toFixed(1)} ms (median of ${redis.writes})`,
    aim: '—',
    'result / aim': '—',
  },
  {
    measure: 'memory at 100k groups, memory store (heapUsed + ArrayBuffers)',
    result: `${heap.total.toFixed(1)} MB (heapUsed ${heap.heap.toFixed(1)} MB)`,
    aim: '≤ 50 MB',
    'result / aim': (heap.total / 50).toFixed(2),
  },
]);
