/**
 * A Redis restart seen from @sentry/node 11: app.mjs works, the test kills redis-server, the app's
 * commands fail, the test starts redis-server again on the same port, the app goes on.
 */
import { RedisServer } from '@faultline/test-servers';
import { findSecrets } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvents, ownSpans, type Payload, spans } from './envelopes.js';
import { type AppRun, AppRunner } from './harness.js';
import { SECRETS } from './planted.js';

const apps = new AppRunner();
let server: RedisServer;
let run: AppRun;

beforeAll(async () => {
  server = await RedisServer.start();
  run = await apps.runApp(
    { SCENARIO: 'outage', REDIS_PORT: String(server.port), TRACE_LIFECYCLE: 'static' },
    async (step) => {
      if (step === 'kill') await server.kill();
      if (step === 'restart') await server.launch();
    },
  );
});

afterAll(async () => {
  await apps.stop();
  await server?.kill();
});

describe('a Redis restart', () => {
  it('fails the commands sent while Redis is down, and the app goes on after', () => {
    const { results } = run.report;
    expect(Object.keys(results).filter((key) => key.startsWith('down'))).toHaveLength(4);
    for (const [key, value] of Object.entries(results))
      if (key.startsWith('down')) expect(value, key).toMatch(/^error: /);
    expect(results.after).toBe('OK');
  });

  it('is captured exactly once, tagged with host:port and the cause', () => {
    const all = errorEvents(run.sent);
    expect(all.map((event: Payload) => event.message ?? event.exception.values[0].type)).toEqual([
      'RedisConnectionError',
      'after outage',
    ]);
    const events = all.filter((event: Payload) => event.message === undefined);
    const [event] = events as Payload[];
    expect(event.exception.values[0]).toMatchObject({
      type: 'RedisConnectionError',
      value: expect.stringMatching(new RegExp(`^Redis at 127\\.0\\.0\\.1:${server.port} `)),
      mechanism: { type: 'auto.db.faultline.ioredis', handled: true },
    });
    expect(event.tags).toMatchObject({
      'redis.host': `127.0.0.1:${server.port}`,
      'redis.error': expect.stringMatching(/^(ECONNRESET|ECONNREFUSED|MaxRetriesPerRequestError)$/),
    });
    expect(event.fingerprint).toEqual(['redis-connection-error', `127.0.0.1:${server.port}`]);
  });

  it('never sends the password of the connection URL', () => {
    expect(findSecrets(run.sent, { 'URL password': SECRETS['URL password'] })).toEqual([]);
    expect(run.sent.envelopes.some((envelope) => envelope.raw.includes('redis://'))).toBe(false);
  });

  it('marks the spans of failed commands as errors, and spans resume after the reconnect', () => {
    const own = ownSpans(run.sent);
    const during = own.filter((span) => span.segment?.startsWith('during outage'));
    expect(during.map((span) => span.name)).toEqual(['GET k', 'GET k', 'GET k', 'GET k']);
    for (const span of during) expect(span.status).toMatch(/error/);
    const after = own.filter((span) => span.segment === 'after outage');
    expect(after.map((span) => [span.name, span.status])).toEqual([['SET k ?', 'ok']]);
    expect(spans(run.sent).filter((span) => span.segment === 'before outage')).toHaveLength(2);
  });

  it('notes the recovery as a breadcrumb for later events', () => {
    const later = errorEvents(run.sent).find((event: Payload) => event.message === 'after outage');
    const crumbs = later.breadcrumbs.filter((crumb: Payload) => crumb.category === 'redis');
    const back = crumbs.find((crumb: Payload) => crumb.message.includes(' is back after '));
    expect(back).toMatchObject({
      message: expect.stringMatching(
        new RegExp(`^Redis at 127\\.0\\.0\\.1:${server.port} is back after \\d+\\.\\d s$`),
      ),
      data: { 'redis.host': `127.0.0.1:${server.port}`, failures: expect.any(Number) },
    });
    expect(crumbs.at(-1).message).toBe('SET k ?');
  });
});
