import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, RedisServer } from '@faultline/test-servers';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instrumentRedis, RedisConnectionError } from '../src/index.js';
import { initSentry } from './sentry.js';

const PASSWORD = 'requirepass-secret-8c1f';
let server: RedisServer;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await RedisServer.start({ args: ['--requirepass', PASSWORD] });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
  await server?.kill();
});

let enableReadyCheck = true;

function client(url: string): Redis {
  const created = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 50, enableReadyCheck });
  // a listener, unlike app.mjs: errors then reach the instrumentation through emit, not silentEmit
  created.on('error', () => {});
  clients.push(created);
  return created;
}

/** Sends `count` commands, each failing. */
async function failing(redis: Redis, count: number): Promise<string[]> {
  const errors: string[] = [];
  for (let index = 0; index < count; index++)
    errors.push(await redis.get('k').then(String, (error: Error) => error.message.split(' ')[0]!));
  return errors;
}

describe.each([true, false])('connection errors, enableReadyCheck: %s', (readyCheck) => {
  beforeAll(() => {
    enableReadyCheck = readyCheck;
  });

  it('captures a missing password (NOAUTH) once, however many commands fail', async () => {
    const sentry = initSentry();
    const redis = instrumentRedis(client(`redis://127.0.0.1:${server.port}`));
    // NOAUTH replies, "Ready check failed: NOAUTH …", and MaxRetriesPerRequestError while reconnecting
    for (const error of await failing(redis, 5)) expect(error).toMatch(/^(NOAUTH|Ready|Reached)$/);
    expect(sentry.events).toHaveLength(1);
    expect(sentry.events[0]!.tags).toEqual({
      'redis.host': `127.0.0.1:${server.port}`,
      'redis.error': 'NOAUTH',
    });
    expect(sentry.events[0]!.exception?.values?.[0]).toMatchObject({
      type: 'RedisConnectionError',
      value: expect.stringMatching(
        new RegExp(
          `^Redis at 127\\.0\\.0\\.1:${server.port} refused the credentials \\(.*NOAUTH Authentication required\\.\\)$`,
        ),
      ),
    });
  });

  it('captures a wrong password (WRONGPASS) once, and never the password', async () => {
    const sentry = initSentry();
    const wrong = 'wrong-password-secret-19d2';
    const redis = instrumentRedis(client(`redis://default:${wrong}@127.0.0.1:${server.port}`));
    await failing(redis, 3);
    await sleep(300); // ioredis reconnects and fails its AUTH again every 50 ms
    expect(sentry.events.map((event) => event.tags?.['redis.error'])).toEqual(['WRONGPASS']);
    expect(JSON.stringify(sentry.events)).not.toContain(wrong);
    expect(JSON.stringify(sentry.events)).not.toContain('redis://');
  });

  it('captures an unreachable server once, with the host and port it tried', async () => {
    const sentry = initSentry();
    const port = await freePort();
    const redis = instrumentRedis(client(`redis://127.0.0.1:${port}`));
    expect(await failing(redis, 3)).toEqual(Array(3).fill('Reached'));
    expect(sentry.events).toHaveLength(1);
    expect(sentry.events[0]!.tags).toMatchObject({ 'redis.host': `127.0.0.1:${port}` });
    expect(sentry.events[0]!.fingerprint).toEqual(['redis-connection-error', `127.0.0.1:${port}`]);
  });

  it('captures nothing with captureConnectionErrors: false', async () => {
    const sentry = initSentry();
    const redis = instrumentRedis(client(`redis://127.0.0.1:${await freePort()}`), {
      captureConnectionErrors: false,
    });
    await failing(redis, 2);
    expect(sentry.events).toEqual([]);
  });

  it('captures an ordinary command error never', async () => {
    const sentry = initSentry();
    const redis = instrumentRedis(client(`redis://default:${PASSWORD}@127.0.0.1:${server.port}`));
    await once(redis, readyCheck ? 'ready' : 'connect');
    await redis.set('s', 'v');
    await expect(redis.lpush('s', 'x')).rejects.toThrow(/WRONGTYPE/);
    expect(sentry.events).toEqual([]);
  });

  it('exports the error class it captures', () => {
    const error = new RedisConnectionError('Redis at h:1 is unreachable (x)', 'ECONNREFUSED', 'h:1');
    expect([error.name, error.code, error.host]).toEqual(['RedisConnectionError', 'ECONNREFUSED', 'h:1']);
  });
});
