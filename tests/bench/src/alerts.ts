/**
 * observe() throughput: the scrubbed express-error fixture in 1,000 groups (by fingerprint),
 * with the memory store (observe in a loop, then flush) and with the Redis store on a real
 * redis-server (observe in chunks of 10,000 letting the engine's ticks run, then flush until every
 * count is written). Alerts never fire (a threshold of 10⁹): this is the counting path.
 */
import { readFileSync } from 'node:fs';
import { setImmediate as yieldToTicks } from 'node:timers/promises';
import { type AlertStore, createAlertEngine, type Event, memoryStore, redisStore } from '@faultline/alerts';
import { createScrubber } from '@faultline/scrub';
import { findRedisServer, RedisServer } from '@faultline/test-servers';
import { progress } from './progress.js';
import type { PartResult } from './report/markdown.js';
import { SETTINGS } from './settings.js';
import { integer, median, now, since } from './stats.js';

const NEVER = { threshold: 1_000_000_000, windowMs: 60_000 };
const GROUPS = 1_000;

function events(): Event[] {
  const text = readFileSync(new URL('../../../fixtures/express-error.json', import.meta.url), 'utf8');
  const scrubbed = createScrubber().scrubEvent(JSON.parse(text) as Event)!;
  return Array.from({ length: GROUPS * 10 }, (_, index) => ({
    ...scrubbed,
    fingerprint: ['payments', `group-${index % GROUPS}`],
  }));
}

/** Events per second of observe() + a flush that writes every count to `store`. */
async function throughput(store: AlertStore, total: number, all: Event[]): Promise<number> {
  const engine = createAlertEngine({ notifiers: [], store, burst: NEVER, errorRate: false, tickMs: 50 });
  try {
    const start = now();
    for (let index = 0; index < total; ) {
      const end = Math.min(total, index + 10_000);
      for (; index < end; index++) engine.observe(all[index % all.length]!);
      await yieldToTicks();
    }
    if (!(await engine.flush(30_000))) throw new Error(`${store.name}: flush timed out`);
    return (total / since(start)) * 1e9;
  } finally {
    await engine.close(5_000);
  }
}

export async function runAlerts(): Promise<PartResult> {
  const all = events();
  const perRound = SETTINGS.quick ? 100_000 : 500_000;
  const rows: string[][] = [];
  progress('alerts: memory store');
  const memory: number[] = [];
  for (let round = -1; round < SETTINGS.microRounds; round++) {
    const rate = await throughput(memoryStore(), perRound, all);
    if (round >= 0) memory.push(rate);
  }
  rows.push([
    'memory store',
    integer(median(memory)),
    `median of ${memory.length} rounds of ${integer(perRound)}`,
  ]);
  if (findRedisServer() === undefined) rows.push(['Redis store', 'skipped', 'redis-server is not installed']);
  else {
    progress('alerts: Redis store');
    const server = await RedisServer.start();
    try {
      const redis: number[] = [];
      const rounds = SETTINGS.quick ? 3 : 5;
      for (let round = -1; round < rounds; round++) {
        const rate = await throughput(
          redisStore({ url: server.url, prefix: `bench${round}:` }),
          perRound,
          all,
        );
        if (round >= 0) redis.push(rate);
      }
      rows.push([
        'Redis store',
        integer(median(redis)),
        `median of ${rounds} rounds of ${integer(perRound)}`,
      ]);
    } finally {
      await server.stop();
    }
  }
  return {
    sections: [
      {
        title: 'Alerts: observe()',
        text: [
          `The scrubbed express-error fixture in ${integer(GROUPS)} groups; the burst rule counts every event ` +
            'and never fires. Each round observes the events in chunks of 10,000 (the engine ticks every 50 ms ' +
            'between chunks) and ends with a flush that writes every count to the store.',
        ],
        tables: [{ headers: ['store', 'events/s', 'runs'], rows }],
      },
    ],
    targets: [],
  };
}
