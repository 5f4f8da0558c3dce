import { RedisServer } from '@faultline/test-servers';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AlertErrorContext, createAlertEngine, redisStore } from '../src/index.js';
import { burst, Clock, RecordingNotifier, sleep } from './helpers.js';

let server: RedisServer;
let client: Redis;

beforeAll(async () => {
  server = await RedisServer.start();
  client = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  client.on('error', () => {}); // the engine reports failed commands through onError
});

afterAll(async () => {
  client?.disconnect();
  await server?.kill();
});

/** Flushes until the store takes the counts again (the client reconnects within a few attempts). */
async function flushUntilApplied(engine: { flush(timeoutMs?: number): Promise<boolean> }): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await engine.flush(2_000)) return;
    await sleep(50);
  }
  throw new Error('the engine never reached Redis again');
}

it('a Redis restart (kill -9) in the middle of a burst: the crossing alerts exactly once, later ones still alert', async () => {
  const notifier = new RecordingNotifier();
  const clock = new Clock();
  const failures: AlertErrorContext[] = [];
  const engine = createAlertEngine({
    notifiers: [notifier],
    store: redisStore({ client, prefix: 'restart:' }),
    errorRate: false,
    tickMs: 60_000,
    batchWaitMs: 0,
    now: clock.now,
    onError: (_error, context) => failures.push(context),
  });
  const alerts = notifier.alerts;

  burst(engine, 6);
  expect(await engine.flush(5_000)).toBe(true);

  await server.kill();
  clock.advance(1_000);
  burst(engine, 3); // Redis is down: these counts wait in the process
  expect(await engine.flush(5_000)).toBe(false);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.every((context) => context.phase === 'store')).toBe(true);

  await server.launch(); // empty: no windows, no claims, no scripts
  clock.advance(1_000);
  burst(engine, 2); // 6 before the restart + 3 during + 2 after = 11
  await flushUntilApplied(engine);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.groups[0]).toMatchObject({ key: 'PaymentError|chargeCard', count: 11 });

  burst(engine, 30);
  await flushUntilApplied(engine);
  expect(alerts).toHaveLength(1);

  // a restart after the crossing loses the claim; the process's own memo still holds
  await server.kill();
  await server.launch();
  clock.advance(1_000);
  burst(engine, 20);
  await flushUntilApplied(engine);
  expect(alerts).toHaveLength(1);
  expect(await client.hlen('restart:w:PaymentError|chargeCard')).toBeGreaterThan(0);

  // other groups, and the same group after the repeat interval, still alert
  burst(engine, 11, { fn: 'refund' });
  await flushUntilApplied(engine);
  expect(alerts.map((alert) => alert.groups[0]!.key)).toEqual([
    'PaymentError|chargeCard',
    'PaymentError|refund',
  ]);
  clock.advance(31 * 60_000);
  burst(engine, 11);
  await flushUntilApplied(engine);
  expect(alerts.map((alert) => [alert.groups[0]!.key, alert.groups[0]!.count])).toEqual([
    ['PaymentError|chargeCard', 11],
    ['PaymentError|refund', 11],
    ['PaymentError|chargeCard', 11],
  ]);
  await engine.close(5_000);
}, 30_000);
