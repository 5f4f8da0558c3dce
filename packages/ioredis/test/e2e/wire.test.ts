/**
 * End to end with @sentry/node 11 and its real transport: app.mjs runs commands against a real
 * redis-server inside and outside `Sentry.startSpan`, and @faultline/testkit's loopback receiver, a
 * separate process, records the envelopes exactly as they arrive.
 */
import { RedisServer } from '@faultline/test-servers';
import { findSecrets } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvents, ownSpans, type Payload, spans, type WireSpan } from './envelopes.js';
import { type AppRun, AppRunner } from './harness.js';
import { CACHE, SECRETS } from './planted.js';

/** The spans of the `checkout` span in app.mjs, in the order the commands were sent. */
const STATEMENTS = [
  'SET session:1 ? ? ?',
  'GET session:1',
  'GET session:missing',
  'MGET session:1 session:missing',
  'SETEX session:2 ? ?',
  'DEL session:2',
  'HSET user:1 ? ?',
  'EVAL ? ? ? ?',
  'FCALL ? ? ?',
  'AUTH ?',
  'PUBLISH orders ?',
  'PIPELINE',
  'MULTI',
  'LPUSH session:1 ?',
];

const apps = new AppRunner();
let server: RedisServer;
const runs: Record<'static' | 'stream', Promise<AppRun>> = {} as never;

beforeAll(async () => {
  server = await RedisServer.start();
  const environment = { SCENARIO: 'commands', REDIS_PORT: String(server.port) } as const;
  runs.static = apps.runApp({ ...environment, TRACE_LIFECYCLE: 'static' });
  runs.stream = apps.runApp(environment); // v11's default lifecycle: streamed spans
  await Promise.allSettled(Object.values(runs));
});

afterAll(async () => {
  await apps.stop();
  await server?.kill();
});

const byName = (list: WireSpan[], name: string): WireSpan => {
  const found = list.filter((span) => span.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe.each(['static', 'stream'] as const)("@sentry/node 11, traceLifecycle '%s'", (lifecycle) => {
  let run: AppRun;
  beforeAll(async () => {
    run = await runs[lifecycle];
  });

  it('sends one span per command of the active span, named by its sanitized statement', () => {
    expect(run.report.flushed).toBe(true);
    const own = ownSpans(run.sent);
    expect(own.map((span) => span.name)).toEqual(STATEMENTS);
    const root = spans(run.sent).find((span) => span.name === 'checkout' && span.parentSpanId === undefined);
    expect(root).toBeDefined();
    for (const span of own) {
      expect(span.segment, span.name).toBe('checkout');
      expect(span.traceId).toBe(root!.traceId);
      expect(span.attributes).toMatchObject({
        'db.system.name': 'redis',
        'db.system': 'redis',
        'db.namespace': '0',
        'server.address': '127.0.0.1',
        'server.port': server.port,
        'db.operation.name': span.name.split(' ')[0],
      });
      const batch = span.name === 'PIPELINE' || span.name === 'MULTI';
      expect(span.attributes['db.query.text']).toBe(batch ? undefined : span.name);
    }
  });

  it('sends no span for commands outside an active span', () => {
    const names = spans(run.sent).map((span) => span.name);
    expect(names).not.toContain('GET plain:outside');
    expect(names).not.toContain('SET session:outside ?');
    expect(new Set(spans(run.sent).map((span) => span.segment))).toEqual(new Set(['checkout']));
  });

  it.each(Object.entries(SECRETS))('never sends the %s', (label, secret) => {
    expect(findSecrets(run.sent, { [label]: secret })).toEqual([]);
  });

  it('follows Sentry cache conventions for the configured prefix', () => {
    const own = ownSpans(run.sent);
    const set = byName(own, 'SET session:1 ? ? ?');
    expect(set.op).toBe('cache.put');
    expect(set.attributes).toMatchObject({
      'cache.key': ['session:1'],
      'cache.item_size': CACHE.setBytes,
      'cache.ttl': CACHE.ttl,
    });
    const hit = byName(own, 'GET session:1');
    expect(hit.op).toBe('cache.get');
    expect(hit.attributes).toMatchObject({ 'cache.hit': true, 'cache.item_size': CACHE.setBytes });
    const miss = byName(own, 'GET session:missing');
    expect(miss.attributes['cache.hit']).toBe(false);
    expect(miss.attributes['cache.item_size']).toBeUndefined();
    expect(byName(own, 'MGET session:1 session:missing').attributes).toMatchObject({
      'cache.key': ['session:1', 'session:missing'],
      'cache.hit': true,
      'cache.item_size': CACHE.setBytes,
    });
    expect(byName(own, 'SETEX session:2 ? ?').attributes).toMatchObject({
      'cache.item_size': CACHE.setexBytes,
      'cache.ttl': CACHE.setexTtl,
    });
    expect(byName(own, 'DEL session:2').op).toBe('cache.remove');
    const hset = byName(own, 'HSET user:1 ? ?');
    expect(hset.op).toBe('db.redis');
    expect(hset.attributes['cache.key']).toBeUndefined();
  });

  it('sends a pipeline and a MULTI as one span each, listing their statements', () => {
    const own = ownSpans(run.sent);
    expect(byName(own, 'PIPELINE').attributes).toMatchObject({
      'db.operation.batch.size': 3,
      'db.redis.commands': ['SET session:3 ?', 'GET session:3', 'INCR counter'],
    });
    expect(byName(own, 'MULTI').attributes).toMatchObject({
      'db.operation.batch.size': 2,
      'db.redis.commands': ['SET multi:1 ?', 'GET multi:1'],
    });
    expect(own.map((span) => span.name)).not.toContain('GET session:3');
  });

  it('marks failed commands with error status and the reply code only', () => {
    const own = ownSpans(run.sent);
    const failed = own.filter((span) => span.attributes['error.type'] !== undefined);
    expect(failed.map((span) => [span.name, span.attributes['error.type']])).toEqual([
      ['FCALL ? ? ?', 'ERR'],
      ['AUTH ?', 'ERR'],
      ['LPUSH session:1 ?', 'WRONGTYPE'],
    ]);
    for (const span of failed) expect(span.status).toMatch(/error/);
    expect(JSON.stringify(own)).not.toContain('Operation against a key');
  });

  it('leaves a breadcrumb per traced command on the next event, and captures nothing else', () => {
    const events = errorEvents(run.sent);
    expect(events.map((event: Payload) => event.message)).toEqual(['checkout finished']);
    const crumbs = events[0].breadcrumbs.filter((crumb: Payload) => crumb.category === 'redis');
    expect(crumbs.map((crumb: Payload) => crumb.message)).toEqual(
      STATEMENTS.map((name) =>
        name === 'PIPELINE' ? 'PIPELINE (3 commands)' : name === 'MULTI' ? 'MULTI (2 commands)' : name,
      ),
    );
    expect(crumbs.at(-1)).toMatchObject({ level: 'error', data: { 'error.type': 'WRONGTYPE' } });
  });

  it('hands the app the same replies', () => {
    expect(run.report.results).toMatchObject({
      outsideBefore: null,
      hit: SECRETS['SET value'],
      miss: null,
      mget: [SECRETS['SET value'], null],
      eval: SECRETS['SET value'],
      pipeline: [
        [null, 'OK'],
        [null, SECRETS['PIPELINE value']],
        [null, expect.any(Number)],
      ],
      multi: [
        [null, 'OK'],
        [null, SECRETS['MULTI value']],
      ],
      wrongType: 'error: ReplyError',
    });
  });
});
