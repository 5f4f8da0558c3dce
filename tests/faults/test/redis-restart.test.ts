import { RedisServer } from '@faultline/test-servers';
import { type LoopbackReceiver, type SpanView, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { type App, startApp } from './support/app.js';
import { REDIS_DOWN_MS, SOAK, TEST_TIMEOUT_MS } from './support/durations.js';
import { type LoadResult, normalStatus, startLoad } from './support/load.js';
import { sleep, waitUntil } from './support/processes.js';
import { countBy, type SlackPost, type SlackStandIn, startSlack } from './support/slack.js';

/** The engine writes its counts to Redis every 250 ms: wait a few ticks for them to land. */
const SETTLE_MS = 1_500;
/** After the crossing, how long to watch for a second post (batching wait 2 s, ticks of 250 ms). */
const WATCH_FOR_DUPLICATES_MS = 3_000;

let receiver: LoopbackReceiver;
let redis: RedisServer;
beforeAll(async () => {
  [receiver, redis] = await Promise.all([startLoopbackReceiver(), RedisServer.start()]);
});
afterAll(async () => {
  await Promise.allSettled([receiver?.close(), redis?.kill()]);
});

interface Fleet {
  a: App;
  b: App;
  slack: SlackStandIn;
  /** Slack posts of the burst alert of `group`. */
  burstPosts(group: string): SlackPost[];
}

/** Two app processes sharing the Redis alert store and a Slack webhook; each also uses Redis for its cache and jobs. */
async function fleet(): Promise<Fleet> {
  const slack = await startSlack();
  onTestFinished(() => slack.close());
  const env = (name: string) => ({
    SENTRY_DSN: receiver.dsn,
    SENTRY_TRACES_SAMPLE_RATE: '1',
    SENTRY_ENVIRONMENT: name, // shown in the Slack message: tells which process posted
    SENTRY_SLACK_WEBHOOK_URL: slack.webhookUrl,
    SENTRY_ALERT_REDIS_URL: redis.url,
    FAULT_REDIS_URL: redis.url,
    // The error-rate rule is kept from crossing (a rate cannot be above 1): these tests are about
    // the burst rule. Its claim lives in Redis just the same (see tests/faults/README.md).
    SENTRY_ERROR_RATE_THRESHOLD: '1',
  });
  const [a, b] = await Promise.all([startApp(env('fleet-a')), startApp(env('fleet-b'))]);
  const burstPosts = (group: string) =>
    slack.delivered().filter((post) => post.kind === 'burst' && post.body.includes(`Fault${group}Error`));
  return { a, b, slack, burstPosts };
}

/** `count` failing requests of `group` to `app`, each answered 500. */
async function fail(app: App, group: string, count: number): Promise<void> {
  const load = startLoad({
    base: app.url,
    path: () => `/fail/${group}`,
    expected: normalStatus,
    concurrency: 2,
    count,
  });
  expect((await load.done).unexpected).toEqual([]);
}

/** A job and a cache round trip through `app`, named by `marker`; waits until a worker of `fleet` ran the job. */
async function useRedis(app: App, marker: string, fleet: App[]): Promise<void> {
  const started = Date.now();
  expect((await fetch(`${app.url}/jobs/${marker}?marker=${marker}`, { method: 'POST' })).status).toBe(202);
  const cache = await fetch(`${app.url}/cache/${marker}`);
  expect(await cache.json()).toEqual({ value: 'value' });
  let jobs: string[] = [];
  await waitUntil(
    `job ${marker} processed`,
    async () => {
      jobs = (await Promise.all(fleet.map((member) => member.stats()))).flatMap((stats) => stats.jobs ?? []);
      return jobs.includes(marker);
    },
    30_000,
    () => `processed: ${jobs.join(', ')}`,
  );
  console.log(`job ${marker} processed after ${Date.now() - started} ms`);
}

/** The spans of `marker`'s job (publish and process) and cache commands, once all have arrived. */
async function spansOf(marker: string) {
  const find = (spans: SpanView[]) => {
    const process = spans.find(
      (span) => span.op === 'queue.process' && span.attributes['messaging.bullmq.job.name'] === marker,
    );
    return {
      process,
      // the worker continued the producer's trace: its parent is the publish span of the request
      publish: spans.find((span) => span.op === 'queue.publish' && span.spanId === process?.parentSpanId),
      cachePut: spans.find((span) => span.op === 'cache.put' && span.name === `SET cache:${marker} ? ? ?`),
      cacheGet: spans.find((span) => span.op === 'cache.get' && span.name === `GET cache:${marker}`),
    };
  };
  const views = await receiver
    .waitFor((sent) => Object.values(find(sent.spans())).every(Boolean), { timeoutMs: 20_000 })
    .catch(async (error: unknown) => {
      const found = Object.entries(find(await receiver.spans())).map(
        ([name, span]) => `${name}: ${Boolean(span)}`,
      );
      const reports = JSON.stringify(await receiver.items('client_report'));
      throw new Error(`spans of ${marker} missing (${found.join(', ')}); client reports: ${reports}`, {
        cause: error,
      });
    });
  return find(views.spans());
}

it(
  'Redis is killed (-9) and restarted in the middle of a burst across two processes: one Slack post, the apps keep serving, jobs and commands keep their spans',
  async () => {
    const { a, b, slack, burstPosts } = await fleet();
    await useRedis(a, 'before-a', [a, b]);
    const before = await spansOf('before-a');
    expect(before.process!.traceId).toBe(before.publish!.traceId);

    const background = [a, b].map((app) =>
      startLoad({ base: app.url, path: () => '/ok', expected: normalStatus, concurrency: 2 }),
    );
    // 6 errors before the restart, 3 while Redis is down, 2 after it: the 11th crosses 10
    await Promise.all([fail(a, 'Fleet', 3), fail(b, 'Fleet', 3)]);
    await sleep(SETTLE_MS);
    await redis.kill();
    await Promise.all([fail(a, 'Fleet', 2), fail(b, 'Fleet', 1)]);
    // commands sent while Redis is down fail fast (503), they do not hang the app
    const duringOutage = await fetch(`${a.url}/cache/outage`);
    await sleep(REDIS_DOWN_MS);
    expect(slack.posts).toEqual([]);
    await redis.launch(); // empty: no windows, no claims, no scripts, no jobs
    await sleep(SETTLE_MS);
    await Promise.all([fail(a, 'Fleet', 1), fail(b, 'Fleet', 1)]);
    await waitUntil(
      'the burst alert',
      () => burstPosts('Fleet').length > 0,
      20_000,
      () => a.stderr() + b.stderr(),
    );
    // more of the same burst, from both processes: still the one alert
    await Promise.all([fail(a, 'Fleet', 5), fail(b, 'Fleet', 5)]);
    await sleep(WATCH_FOR_DUPLICATES_MS);

    // The background load stops first, and the receiver forgets what it recorded: with every
    // request traced it holds thousands of span envelopes, and each check of waitFor reads them all.
    const served: LoadResult[] = await Promise.all(background.map((load) => load.stop()));
    await receiver.reset();
    await useRedis(a, 'after-a', [a, b]);
    await useRedis(b, 'after-b', [a, b]);
    const [afterA, afterB] = [await spansOf('after-a'), await spansOf('after-b')];
    const stats = await Promise.all([a.stats(), b.stats()]);
    const closed = await Promise.all([a.close(), b.close()]);

    const posts = burstPosts('Fleet');
    console.log(
      `[faults] redis-restart${SOAK ? ' (soak)' : ''}: Redis down ${REDIS_DOWN_MS / 1000} s; ` +
        `${posts.length} Slack post(s) for 22 errors over 2 processes ` +
        `(${posts.map((post) => /\*(\d+) events/.exec(post.body)?.[1] ?? '?').join(', ')} events counted at the crossing); ` +
        `/ok served ${served.map((load) => load.sent).join(' + ')}; cache during the outage: ${duringOutage.status}; ` +
        `jobs processed ${stats.map((s) => s.jobs?.length).join(' + ')}; RSS ${stats.map((s) => s.rssMb.toFixed(0)).join(' / ')} MB`,
    );
    expect(posts).toHaveLength(1);
    expect(Object.values(countBy(slack.posts, (post) => post.alertId))).toEqual([1]);
    for (const load of served) expect(load.unexpected).toEqual([]);
    expect(duringOutage.status).toBe(503);
    // after the reconnect: each job is processed in the trace of the request that queued it, and
    // the cache commands have their cache spans, in both processes
    for (const spans of [afterA, afterB]) {
      expect(spans.process!.traceId).toBe(spans.publish!.traceId);
      expect(spans.cachePut!.attributes['sentry.origin']).toBe('auto.db.faultline.ioredis');
      expect(spans.cacheGet!.attributes['cache.hit']).toBe(true);
    }
    // the two processes share the queue: either worker may take a job; each job ran once
    expect(stats.flatMap((s) => s.jobs ?? []).sort()).toEqual(['after-a', 'after-b', 'before-a']);
    expect(closed.map((result) => result.code)).toEqual([0, 0]);
  },
  TEST_TIMEOUT_MS,
);

it(
  'Redis restarts without persistence after a crossing: the process that alerted stays silent, another may alert once more (the claim is lost)',
  async () => {
    const { a, b, burstPosts } = await fleet();
    const from = (app: string) => burstPosts('Early').filter((post) => post.body.includes(app));
    await fail(a, 'Early', 11);
    await waitUntil(
      'the burst alert',
      () => burstPosts('Early').length > 0,
      20_000,
      () => a.stderr(),
    );
    await redis.kill();
    await redis.launch(); // the claim alerted:<group> is gone with everything else
    await sleep(SETTLE_MS);
    // the burst goes on in both processes
    await Promise.all([fail(a, 'Early', 11), fail(b, 'Early', 11)]);
    await sleep(WATCH_FOR_DUPLICATES_MS);
    const closed = await Promise.all([a.close(), b.close()]);

    console.log(
      `[faults] redis-restart-after-crossing${SOAK ? ' (soak)' : ''}: burst posts from the process that ` +
        `alerted first: ${from('fleet-a').length}, from the other: ${from('fleet-b').length}`,
    );
    // guaranteed: the first process's own memo holds across the restart; the other process may
    // alert once more (README of @faultline/alerts: use Redis persistence if that matters)
    expect(from('fleet-a')).toHaveLength(1);
    expect(from('fleet-b').length).toBeLessThanOrEqual(1);
    expect(burstPosts('Early').length).toBe(from('fleet-a').length + from('fleet-b').length);
    expect(closed.map((result) => result.code)).toEqual([0, 0]);
  },
  TEST_TIMEOUT_MS,
);
