/**
 * With @sentry/node's own Redis integration in the same app. It is one of @sentry/node's default
 * integrations whenever tracing is on, and traces ioredis when ioredis is loaded after Sentry.init.
 */
import { RedisServer } from '@faultline/test-servers';
import { findSecrets } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvents, ownSpans, type Payload, spans } from './envelopes.js';
import { type AppEnvironment, type AppRun, AppRunner } from './harness.js';
import { SECRETS } from './planted.js';

const apps = new AppRunner();
let server: RedisServer;
const runs: Record<string, Promise<AppRun>> = {};

beforeAll(async () => {
  server = await RedisServer.start();
  const environment: AppEnvironment = {
    SCENARIO: 'own-integration',
    REDIS_PORT: String(server.port),
    TRACE_LIFECYCLE: 'static',
    SENTRY_REDIS: 'keep',
  };
  runs.live = apps.runApp(environment);
  runs.inert = apps.runApp({ ...environment, EARLY_IMPORT: '1' });
  runs.v10 = apps.runApp({ ...environment, SENTRY_SDK: 'node-v10' });
  await Promise.allSettled(Object.values(runs));
});

afterAll(async () => {
  await apps.stop();
  await server?.kill();
});

const redisSpans = (run: AppRun) =>
  spans(run.sent).filter(
    (span) => span.attributes['db.system'] === 'redis' || span.attributes['db.system.name'] === 'redis',
  );

describe.each([
  ['@sentry/node 11', 'live', 'auto.db.redis'],
  ['@sentry/node 10', 'v10', 'auto.db.otel.redis'],
])('%s with its own Redis integration tracing ioredis', (_sdk, name, origin) => {
  let run: AppRun;
  beforeAll(async () => {
    run = await runs[name]!;
  });

  it('sends only its spans: one per command, none from this package', () => {
    expect(ownSpans(run.sent)).toEqual([]);
    const names = redisSpans(run).map((span) => span.name.split(' ')[0]!.toLowerCase());
    expect(names).toEqual(['set', 'get', 'eval', 'get', 'get']);
    for (const span of redisSpans(run)) expect(span.origin).toBe(origin);
  });

  it('still gets this package’s breadcrumbs', () => {
    const [event] = errorEvents(run.sent) as Payload[];
    const crumbs = event.breadcrumbs.filter((crumb: Payload) => crumb.category === 'redis');
    expect(crumbs.map((crumb: Payload) => crumb.message)).toEqual([
      'SET session:1 ?',
      'GET session:1',
      'EVAL ? ? ?',
      'PIPELINE (2 commands)',
    ]);
  });

  it("sends EVAL's arguments as they are (why this package hides them)", () => {
    expect(findSecrets(run.sent, { 'EVAL argument': SECRETS['EVAL argument'] }).length).toBeGreaterThan(0);
  });
});

describe('@sentry/node 11 with its Redis integration installed but ioredis loaded before Sentry.init', () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await runs.inert!;
  });

  it('gets this package’s spans, once each, since Sentry’s integration traces nothing', () => {
    expect(redisSpans(run).map((span) => [span.name, span.origin])).toEqual([
      ['SET session:1 ?', 'auto.db.faultline.ioredis'],
      ['GET session:1', 'auto.db.faultline.ioredis'],
      ['EVAL ? ? ?', 'auto.db.faultline.ioredis'],
      ['PIPELINE', 'auto.db.faultline.ioredis'],
    ]);
    expect(findSecrets(run.sent, { 'EVAL argument': SECRETS['EVAL argument'] })).toEqual([]);
  });
});
