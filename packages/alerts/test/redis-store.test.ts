import { RedisServer } from '@faultline/test-servers';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertOptionsError, redisStore } from '../src/index.js';
import { T0 } from './helpers.js';
import { storeContract } from './store-contract.js';

let server: RedisServer;
let client: Redis;
let namespace = 0;

beforeAll(async () => {
  server = await RedisServer.start();
  client = new Redis(server.url);
});

afterAll(async () => {
  await client?.quit();
  await server?.kill();
});

storeContract('redisStore', () => redisStore({ client, prefix: `contract${++namespace}:` }));

const RULE = { windowMs: 12_000, threshold: 10, claimTtlMs: 60_000 };

describe('redisStore', () => {
  it('shares windows and claims between stores (processes) on one Redis', async () => {
    const other = new Redis(server.url);
    const [a, b] = [
      redisStore({ client, prefix: 'shared:' }),
      redisStore({ client: other, prefix: 'shared:' }),
    ];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? a : b).add([{ key: 'g', count: 2 }], T0, RULE)),
    );
    expect(results.filter((windows) => windows[0]!.claimed)).toHaveLength(1);
    expect(Math.max(...results.map((windows) => windows[0]!.count))).toBe(20);
    await other.quit();
  });

  it('keeps windows under its prefix, with expiring keys', async () => {
    const store = redisStore({ client, prefix: 'keys:' });
    await store.add([{ key: 'TypeError|f', count: 11 }], Date.now(), RULE);
    expect(await client.hlen('keys:w:TypeError|f')).toBe(1);
    expect(await client.pttl('keys:w:TypeError|f')).toBeGreaterThan(0);
    expect(await client.pttl('keys:alerted:TypeError|f')).toBeGreaterThan(59_000);
  });

  it('runs its scripts again after the script cache was flushed (EVAL on NOSCRIPT)', async () => {
    const store = redisStore({ client, prefix: 'noscript:' });
    await store.add([{ key: 'a', count: 5 }], T0, RULE);
    await client.script('FLUSH');
    expect((await store.add([{ key: 'a', count: 6 }], T0, RULE))[0]).toMatchObject({
      count: 11,
      claimed: true,
    });
    await client.script('FLUSH');
    expect(await store.addRate(1, 0, T0, { ...RULE, threshold: 0.5, minRequests: 1 })).toMatchObject({
      requests: 1,
    });
  });

  it('writes its own counts back when Redis lost them', async () => {
    const store = redisStore({ client, prefix: 'lost:' });
    await store.add([{ key: 'a', count: 6 }], T0, RULE);
    await store.addRate(150, 1, T0, { ...RULE, threshold: 0.01, minRequests: 100 });
    await client.flushall(); // what a restart without persistence leaves
    expect((await store.add([{ key: 'a', count: 5 }], T0 + 1_000, RULE))[0]).toMatchObject({
      count: 11,
      since: T0,
      claimed: true,
    });
    expect(await store.addRate(0, 1, T0 + 1_000, { ...RULE, threshold: 0.01, minRequests: 100 })).toEqual({
      requests: 150,
      errors: 2,
      claimed: true, // the claim went with the data: the engine's own memo guards against a repeat
    });
  });

  it('creates, and closes, its own client from a URL', async () => {
    const store = redisStore({ url: server.url, prefix: 'url:' });
    expect((await store.add([{ key: 'a', count: 11 }], T0, RULE))[0]?.claimed).toBe(true);
    await store.close?.();
    expect(await client.exists('url:alerted:a')).toBe(1);
  });

  it('rejects options it cannot use', () => {
    expect(() => redisStore({})).toThrow(AlertOptionsError);
    expect(() => redisStore({ client, url: server.url })).toThrow(/exactly one/);
    expect(() => redisStore({ url: 'http://localhost' })).toThrow(/redis:\/\//);
    expect(() => redisStore({ client: {} as never })).toThrow(/ioredis client/);
    expect(() => redisStore({ client, prefix: 5 as never })).toThrow(/prefix/);
  });
});
