import { once } from 'node:events';
import { RedisServer } from '@faultline/test-servers';
import { getClient, startInactiveSpan, startSpan } from '@sentry/core';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instrumentRedis, SENTRY_REDIS_INTEGRATION } from '../src/index.js';
import { initSentry } from './sentry.js';

let server: RedisServer;
const clients: Redis[] = [];

/** A client on the test server, once ready: its handshake commands are not part of the tests. */
async function connect(options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis({ host: '127.0.0.1', port: server.port, ...options });
  clients.push(client);
  await once(client, 'ready');
  return client;
}

beforeAll(async () => {
  server = await RedisServer.start();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
  await server?.kill();
});

describe('instrumentRedis', () => {
  it('returns the same client, and instruments it once however often it is called', async () => {
    const sentry = initSentry();
    const client = await connect();
    expect(instrumentRedis(client)).toBe(client);
    expect(instrumentRedis(client, { breadcrumbs: 'always' })).toBe(client);
    await startSpan({ name: 'root' }, () => client.set('a', '1'));
    expect(sentry.childSpans().map((span) => span.name)).toEqual(['SET a ?']);
  });

  it("leaves the client's listeners and replies as they were", async () => {
    initSentry();
    const client = await connect();
    const before = ['error', 'ready', 'end'].map((event) => client.listenerCount(event));
    instrumentRedis(client);
    expect(['error', 'ready', 'end'].map((event) => client.listenerCount(event))).toEqual(before);
    await client.set('x', 'héllo');
    expect(await client.get('x')).toBe('héllo');
    expect(await client.getBuffer('x')).toEqual(Buffer.from('héllo'));
    await expect(client.lpush('x', 'y')).rejects.toThrow(/WRONGTYPE/);
  });

  it('makes no span and no breadcrumb outside an active span, and no error either', async () => {
    const sentry = initSentry();
    const client = instrumentRedis(await connect());
    await client.get('outside');
    await client.lpush('x', 'y').catch(() => {});
    expect(sentry.transactions).toEqual([]);
    expect(sentry.breadcrumbs()).toEqual([]);
    expect(sentry.events).toEqual([]);
  });

  it('with rootSpans, makes a root span for a command outside any span', async () => {
    const sentry = initSentry();
    const client = instrumentRedis(await connect(), { rootSpans: true });
    await client.ping();
    await client.get('root:1');
    await client.get('root:1');
    expect(sentry.transactions.map((event) => event.transaction)).toContain('GET root:1');
  });

  it('with an unsampled parent, makes neither span nor breadcrumb', async () => {
    const sentry = initSentry({ tracesSampleRate: 0 });
    const client = instrumentRedis(await connect());
    await startSpan({ name: 'unsampled' }, () => client.get('a'));
    expect(sentry.breadcrumbs()).toEqual([]);
  });

  it.each([
    ['always', ['GET a', 'GET b']],
    ['with-spans', ['GET b']],
    ['never', []],
  ] as const)('breadcrumbs: %s', async (breadcrumbs, expected) => {
    const sentry = initSentry();
    const client = instrumentRedis(await connect(), { breadcrumbs });
    await client.get('a');
    await startSpan({ name: 'root' }, () => client.get('b'));
    const crumbs = sentry.breadcrumbs().filter((crumb) => crumb.category === 'redis');
    expect(crumbs.map((crumb) => crumb.message)).toEqual(expected);
    for (const crumb of crumbs)
      expect(crumb).toMatchObject({
        type: 'query',
        level: 'info',
        data: {
          'db.operation.name': 'GET',
          'redis.host': `127.0.0.1:${server.port}`,
          durationMs: expect.any(Number),
        },
      });
  });

  it("spans: 'never' keeps the breadcrumbs only", async () => {
    const sentry = initSentry();
    const client = instrumentRedis(await connect(), { spans: 'never' });
    await startSpan({ name: 'root' }, () => client.get('a'));
    expect(sentry.childSpans()).toEqual([]);
    expect(sentry.breadcrumbs().map((crumb) => crumb.message)).toEqual(['GET a']);
  });

  it('shows at most maxArgs arguments, and the database selected', async () => {
    const sentry = initSentry();
    const client = instrumentRedis(await connect({ db: 1 }), { maxArgs: 2 });
    await startSpan({ name: 'root' }, () => client.mget('a', 'b', 'c', 'd'));
    await client.select(3);
    await startSpan({ name: 'root' }, () => client.get('a'));
    expect(sentry.childSpans().map((span) => [span.name, span.data['db.namespace']])).toEqual([
      ['MGET a b [2 more]', '1'],
      ['GET a', '3'],
    ]);
  });
});

describe("next to @sentry/node's Redis integration", () => {
  const redisIntegration = { name: SENTRY_REDIS_INTEGRATION, setupOnce() {} };

  /** What Sentry's integration does when it is live: a Redis span, started synchronously as the command is sent. */
  function traceLikeSentry(client: Redis): void {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
      startInactiveSpan({
        name: command.name,
        onlyIfParent: true,
        attributes: { 'db.system.name': 'redis', 'sentry.origin': 'auto.db.redis' },
      }).end();
      return send(command as never, ...(rest as []));
    }) as typeof client.sendCommand;
  }

  it('makes no span when that integration traces the client (breadcrumbs stay)', async () => {
    const sentry = initSentry({ integrations: [redisIntegration] });
    const client = await connect();
    traceLikeSentry(client);
    instrumentRedis(client);
    await startSpan({ name: 'root' }, () =>
      Promise.all([client.get('a'), client.pipeline().get('b').exec()]),
    );
    await startSpan({ name: 'root' }, () => client.get('c'));
    expect(sentry.childSpans().map((span) => [span.name, span.data['sentry.origin']])).toEqual([
      ['get', 'auto.db.redis'],
      ['get', 'auto.db.redis'],
      ['get', 'auto.db.redis'],
    ]);
    expect(sentry.breadcrumbs().map((crumb) => crumb.message)).toEqual([
      'GET a',
      'PIPELINE (1 commands)',
      'GET c',
    ]);
  });

  it('makes its spans when that integration is installed but traces nothing', async () => {
    const sentry = initSentry({ integrations: [redisIntegration] });
    expect(getClient()?.getIntegrationByName('Redis')).toBeDefined();
    const client = instrumentRedis(await connect());
    await startSpan({ name: 'root' }, () =>
      Promise.all([client.get('a'), client.pipeline().get('b').exec()]),
    );
    expect(sentry.childSpans().map((span) => span.name)).toEqual(['GET a', 'PIPELINE']);
  });

  it("spans: 'always' makes them anyway", async () => {
    const sentry = initSentry({ integrations: [redisIntegration] });
    const client = await connect();
    traceLikeSentry(client);
    instrumentRedis(client, { spans: 'always' });
    await startSpan({ name: 'root' }, () => client.get('a'));
    expect(
      sentry
        .childSpans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(['GET a', 'get']);
  });
});
