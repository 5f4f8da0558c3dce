// The app under test: the real Sentry Node SDK sending over HTTP to the receiver process
// (@faultline/testkit's loopback receiver), and a real ioredis client instrumented with
// @faultline/ioredis against a real redis-server.
// Run as: node --conditions=@faultline/source [--import ./test/e2e/sentry-core-v10.mjs] --import tsx app.mjs
// Env:  SENTRY_DSN                      where to send (required)
//       REDIS_PORT                      the redis-server on 127.0.0.1 (required)
//       SCENARIO                        commands | outage | own-integration
//       SENTRY_SDK                      node (default, @sentry/node 11) or node-v10 (the alias)
//       TRACE_LIFECYCLE                 static or stream (default: the SDK's own)
//       SENTRY_REDIS=keep               keep @sentry/node's own Redis integration (default: removed)
//       EARLY_IMPORT=1                  import ioredis before Sentry.init
// It prints {"step":"…"} lines and waits for a line on stdin before going on; its last stdout line
// is a JSON report: { flushed, results }.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { instrumentRedis } from '@faultline/ioredis';
import { CACHE, SECRETS } from './planted.js';

const early = process.env.EARLY_IMPORT === '1' ? await import('ioredis') : undefined;
const sdk = process.env.SENTRY_SDK ?? 'node';
const Sentry = await import(sdk === 'node-v10' ? '@sentry/node-v10' : '@sentry/node');
const lifecycle = process.env.TRACE_LIFECYCLE;
const scenario = process.env.SCENARIO ?? 'commands';
const redisPort = Number(process.env.REDIS_PORT);
if (!Number.isInteger(redisPort)) throw new Error('REDIS_PORT is required');
if (!process.env.SENTRY_DSN) throw new Error('SENTRY_DSN is required');

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 1,
  release: 'ioredis-e2e@1.0.0',
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
  integrations: (defaults) =>
    process.env.SENTRY_REDIS === 'keep'
      ? defaults
      : defaults.filter((integration) => integration.name !== 'Redis'),
});

const { Redis } = early ?? (await import('ioredis'));
// fail fast while Redis is down: one retry per command, a reconnection attempt every 100 ms
const fast = { maxRetriesPerRequest: 1, retryStrategy: () => 100 };
const redis = instrumentRedis(
  scenario === 'outage'
    ? new Redis(`redis://default:${SECRETS['URL password']}@127.0.0.1:${redisPort}`, fast)
    : new Redis({ host: '127.0.0.1', port: redisPort, ...fast }),
  { cachePrefixes: [CACHE.prefix] },
);
const results = {};
const lines = createInterface({ input: process.stdin });
const stdinLines = lines[Symbol.asyncIterator]();

/** Prints a step and waits until the test answers it. */
async function step(name) {
  process.stdout.write(`${JSON.stringify({ step: name })}\n`);
  await stdinLines.next();
}

const settle = (promise) =>
  promise.then(
    (value) => value,
    (error) => `error: ${error.name}`,
  );

async function commands() {
  results.outsideBefore = await redis.get('plain:outside');
  await redis.set('session:outside', 'not traced');
  await Sentry.startSpan({ name: 'checkout', op: 'function' }, async () => {
    results.set = await redis.set('session:1', SECRETS['SET value'], 'EX', CACHE.ttl);
    results.hit = await redis.get('session:1');
    results.miss = await redis.get('session:missing');
    results.mget = await redis.mget('session:1', 'session:missing');
    await redis.setex('session:2', CACHE.setexTtl, SECRETS['SETEX value']);
    await redis.del('session:2');
    await redis.hset('user:1', 'email', SECRETS['HSET value']);
    results.eval = await redis.eval(SECRETS['EVAL script'], 1, 'session:1', SECRETS['EVAL argument']);
    results.fcall = await settle(redis.call('FCALL', 'no_such_function', 0, SECRETS['FCALL argument']));
    results.auth = await settle(redis.call('AUTH', SECRETS['AUTH password']));
    await redis.publish('orders', SECRETS['PUBLISH message']);
    results.pipeline = await redis
      .pipeline()
      .set('session:3', SECRETS['PIPELINE value'])
      .get('session:3')
      .incr('counter')
      .exec();
    results.multi = await redis.multi().set('multi:1', SECRETS['MULTI value']).get('multi:1').exec();
    results.wrongType = await settle(redis.lpush('session:1', 'x'));
  });
  results.outsideAfter = await redis.get('plain:outside');
  Sentry.captureMessage('checkout finished');
}

async function outage() {
  await Sentry.startSpan({ name: 'before outage' }, () => redis.set('k', 'v'));
  await step('kill');
  for (let attempt = 0; attempt < 4; attempt++)
    results[`down${attempt}`] = await Sentry.startSpan({ name: `during outage ${attempt}` }, () =>
      settle(redis.get('k')),
    );
  const ready = once(redis, 'ready');
  await step('restart');
  await ready;
  results.after = await Sentry.startSpan({ name: 'after outage' }, () => redis.set('k', 'again'));
  Sentry.captureMessage('after outage');
}

async function ownIntegration() {
  await Sentry.startSpan({ name: 'with own integration' }, async () => {
    await redis.set('session:1', SECRETS['SET value']);
    await redis.get('session:1');
    await redis.eval('return ARGV[1]', 0, SECRETS['EVAL argument']);
    await redis.pipeline().get('a').get('b').exec();
  });
  Sentry.captureMessage('own integration finished');
}

if (scenario === 'outage') await outage();
else if (scenario === 'own-integration') await ownIntegration();
else await commands();

redis.disconnect();
const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
lines.close();
process.stdout.write(`\n${JSON.stringify({ flushed, results })}\n`);
