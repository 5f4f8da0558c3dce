/**
 * The same build on Sentry 10: app.mjs on the real @sentry/node 10 (the `@sentry/node-v10` alias),
 * with this package's `@sentry/core` resolved to core 10 as a peer dependency would be.
 */
import { RedisServer } from '@faultline/test-servers';
import { findSecrets } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownSpans, spans } from './envelopes.js';
import { type AppRun, AppRunner } from './harness.js';
import { CACHE, SECRETS } from './planted.js';

const apps = new AppRunner();
let server: RedisServer;
let run: AppRun;

beforeAll(async () => {
  server = await RedisServer.start();
  run = await apps.runApp({
    SCENARIO: 'commands',
    REDIS_PORT: String(server.port),
    SENTRY_SDK: 'node-v10',
  });
});

afterAll(async () => {
  await apps.stop();
  await server?.kill();
});

describe('@sentry/node 10, transactions (its default lifecycle)', () => {
  it('sends the sanitized spans of the active span only', () => {
    const own = ownSpans(run.sent);
    expect(own.map((span) => span.name)).toEqual([
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
    ]);
    expect(new Set(spans(run.sent).map((span) => span.segment))).toEqual(new Set(['checkout']));
  });

  it('follows the cache conventions', () => {
    const [set, hit, miss] = ownSpans(run.sent);
    expect([set?.op, hit?.op, miss?.op]).toEqual(['cache.put', 'cache.get', 'cache.get']);
    expect(set?.attributes).toMatchObject({ 'cache.item_size': CACHE.setBytes, 'cache.ttl': CACHE.ttl });
    expect(hit?.attributes).toMatchObject({ 'cache.hit': true, 'cache.item_size': CACHE.setBytes });
    expect(miss?.attributes).toMatchObject({ 'cache.hit': false });
  });

  it.each(Object.entries(SECRETS))('never sends the %s', (label, secret) => {
    expect(findSecrets(run.sent, { [label]: secret })).toEqual([]);
  });
});
