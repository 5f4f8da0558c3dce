import { randomUUID } from 'node:crypto';
import { bucketOf } from './memory-store.js';
import { connect, luaScript, type RedisClient } from './redis-client.js';
import { type RedisStoreOptions, validate } from './redis-options.js';
import { ADD_SCRIPT, RATE_SCRIPT, REPLAY_SCRIPT } from './redis-scripts.js';
import {
  type AlertStore,
  BUCKETS,
  type BurstWindowRule,
  ERROR_RATE_KEY,
  type GroupCount,
  type GroupWindow,
  StoreWriteError,
} from './store.js';
import { WindowTable } from './window-table.js';

const runAdd = luaScript(ADD_SCRIPT);
const runRate = luaScript(RATE_SCRIPT);
const runReplay = luaScript(REPLAY_SCRIPT);
/** Groups per script call: a bigger tick is applied in several calls, one after the other. */
const CHUNK = 1000;
const RESET = -1;

/**
 * Keeps windows and claims in Redis, so that every process of a fleet sharing it counts the same
 * windows and exactly one of them sends each alert. All groups of a tick go in one atomic Lua
 * script call (EVALSHA; EVAL when Redis answers NOSCRIPT, as it does after a restart).
 *
 * Each process also remembers its own counts of the current window: when Redis comes back empty
 * (restarted without persistence) they are written again before anything else, so a burst that
 * straddles the restart still crosses. Claims are not replayed: across processes the
 * one-alert-per-crossing guarantee holds while Redis keeps its data; within a process the engine's
 * own dedup memo also prevents a repeat.
 */
export function redisStore(options: RedisStoreOptions): AlertStore {
  validate(options);
  const { url, prefix = 'faultline:alerts:', maxGroups = 100_000 } = options;
  let client: Promise<RedisClient> | undefined = options.client ? Promise.resolve(options.client) : undefined;
  const getClient = (): Promise<RedisClient> => {
    if (client) return client;
    const connecting = connect(url!);
    client = connecting;
    connecting.catch(() => {
      client = undefined; // try again next tick (and report again)
    });
    return connecting;
  };
  const instance = randomUUID();
  const own = { burst: new WindowTable(maxGroups), rate: new WindowTable(2) };
  const markers = { burst: `${prefix}live:${instance}:burst`, rate: `${prefix}live:${instance}:rate` };
  const windowKey = (key: string) => `${prefix}w:${key}`;
  const rateKey = (name: string) => `${prefix}rate:${name}`;
  const ttls = (windowMs: number) => [
    Math.ceil(2 * windowMs),
    Math.ceil((windowMs / BUCKETS) * (BUCKETS + 1)),
  ];

  /** Writes this process's own counts of the window back, then sets the marker. */
  async function replay(redis: RedisClient, kind: 'burst' | 'rate', bucket: number, windowMs: number) {
    const byKey = new Map<string, number[]>();
    own[kind].forEachBucket(bucket, (key, at, count) => {
      const list = byKey.get(key) ?? [];
      if (list.length === 0) byKey.set(key, list);
      list.push(at, count);
    });
    const keys = [...byKey.keys()];
    const [markerTtl, keyTtl] = ttls(windowMs);
    for (let start = 0; ; start += CHUNK) {
      const part = keys.slice(start, start + CHUNK);
      const last = start + CHUNK >= keys.length;
      const args: number[] = [markerTtl!, keyTtl!, last ? 1 : 0];
      for (const key of part) args.push(byKey.get(key)!.length / 2, ...byKey.get(key)!);
      const names = part.map(kind === 'burst' ? windowKey : rateKey);
      await runReplay(redis, [markers[kind], ...names], args);
      if (last) return;
    }
  }

  async function addChunk(
    redis: RedisClient,
    chunk: readonly GroupCount[],
    now: number,
    rule: BurstWindowRule,
  ) {
    const bucket = bucketOf(now, rule.windowMs);
    const [markerTtl, keyTtl] = ttls(rule.windowMs);
    const keys = [markers.burst];
    for (const { key } of chunk) keys.push(windowKey(key), `${prefix}alerted:${key}`);
    const args = [
      bucket,
      BUCKETS,
      keyTtl!,
      rule.threshold,
      rule.claimTtlMs,
      markerTtl!,
      now,
      now + rule.claimTtlMs,
      ...chunk.map((e) => e.count),
    ];
    let reply = await runAdd(redis, keys, args);
    if (reply === RESET) {
      await replay(redis, 'burst', bucket, rule.windowMs);
      reply = await runAdd(redis, keys, args);
    }
    if (!Array.isArray(reply)) throw new Error(`Unexpected reply of the alert script: ${typeof reply}`);
    const bucketMs = rule.windowMs / BUCKETS;
    return chunk.map(({ key, count }, index): GroupWindow => {
      if (count > 0) own.burst.add(key, count, bucket);
      const sum = Number(reply[3 * index]);
      const since = sum > 0 ? Number(reply[3 * index + 1]) * bucketMs : now;
      return { key, count: sum, since, claimed: Number(reply[3 * index + 2]) === 1 };
    });
  }

  return {
    name: 'redis',
    async add(entries, now, rule) {
      const redis = await getClient();
      const windows: GroupWindow[] = [];
      for (let start = 0; start < entries.length; start += CHUNK) {
        try {
          windows.push(...(await addChunk(redis, entries.slice(start, start + CHUNK), now, rule)));
        } catch (error) {
          if (windows.length === 0) throw error;
          throw new StoreWriteError(error, windows);
        }
      }
      return windows;
    },
    async addRate(requests, errors, now, rule) {
      const redis = await getClient();
      const bucket = bucketOf(now, rule.windowMs);
      const [markerTtl, keyTtl] = ttls(rule.windowMs);
      const keys = [
        markers.rate,
        rateKey('requests'),
        rateKey('errors'),
        `${prefix}alerted:${ERROR_RATE_KEY}`,
      ];
      const args = [bucket, BUCKETS, keyTtl!, rule.threshold, rule.minRequests, rule.claimTtlMs, markerTtl!];
      args.push(requests, errors, now, now + rule.claimTtlMs);
      let reply = await runRate(redis, keys, args);
      if (reply === RESET) {
        await replay(redis, 'rate', bucket, rule.windowMs);
        reply = await runRate(redis, keys, args);
      }
      if (!Array.isArray(reply))
        throw new Error(`Unexpected reply of the error-rate script: ${typeof reply}`);
      own.rate.add('requests', requests, bucket);
      own.rate.add('errors', errors, bucket);
      return { requests: Number(reply[0]), errors: Number(reply[1]), claimed: Number(reply[2]) === 1 };
    },
    async close() {
      if (url === undefined || client === undefined) return;
      const created = await client.catch(() => undefined);
      client = undefined;
      await created?.quit().catch(() => {});
    },
  };
}
