/** instrumentQueue on a real Queue and redis-server, without a Sentry client. */
import { RedisServer } from '@faultline/test-servers';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentQueue } from '../src/index.js';

let redis: RedisServer;
let queue: Queue;

beforeAll(async () => {
  redis = await RedisServer.start();
  queue = new Queue('plain', { connection: { host: '127.0.0.1', port: redis.port } });
});

afterAll(async () => {
  await queue?.close();
  await redis?.kill();
});

describe('instrumentQueue', () => {
  it('returns the queue itself, and does nothing the second time', () => {
    expect(instrumentQueue(queue)).toBe(queue);
    const { add, addBulk } = queue;
    instrumentQueue(queue);
    expect(queue.add).toBe(add);
    expect(queue.addBulk).toBe(addBulk);
  });

  it('adds jobs as before, with no trace context when Sentry is not set up', async () => {
    const data = { to: 'jane' };
    const opts = { attempts: 2 };
    const job = await queue.add('welcome', data, opts);
    const [bulk] = await queue.addBulk([{ name: 'digest', data: { n: 1 } }]);
    const stored = await queue.getJob(job.id!);
    expect(stored?.data).toEqual({ to: 'jane' });
    expect(stored?.opts).toEqual({ attempts: 2 });
    expect((await queue.getJob(bulk!.id!))?.opts).not.toHaveProperty('faultline');
    expect(opts).toEqual({ attempts: 2 });
  });
});
