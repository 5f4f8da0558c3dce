// The app's Redis side, mounted when FAULT_REDIS_URL is set: an ioredis client instrumented with
// @faultline/ioredis behind /cache/:key, and a BullMQ queue (instrumentQueue) and worker
// (withSentry) behind /jobs/:name. Loaded after instrument.ts, as an app would load them.
import { instrumentQueue, withSentry } from '@faultline/bullmq';
import { instrumentRedis } from '@faultline/ioredis';
import { Queue, Worker } from 'bullmq';
import type { Express } from 'express';
import { Redis } from 'ioredis';

export interface RedisParts {
  mount(app: Express): void;
  /** The markers of the jobs the worker processed, in order. */
  processed(): string[];
  close(): Promise<void>;
}

export async function startRedisParts(url: string): Promise<RedisParts> {
  const { hostname, port } = new URL(url);
  const connection = { host: hostname, port: Number(port) };
  // fail fast while Redis is down: one retry per command, a reconnection attempt every 100 ms
  const redis = instrumentRedis(new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 }), {
    cachePrefixes: ['cache:'],
  });
  redis.on('error', () => {}); // @faultline/ioredis captures one event per outage
  const queue = instrumentQueue(new Queue('faults', { connection }));
  queue.on('error', () => {});
  const processed: string[] = [];
  const worker = new Worker(
    'faults',
    withSentry(async (job) => {
      processed.push(String((job.data as { marker?: unknown }).marker));
    }),
    { connection: { ...connection, maxRetriesPerRequest: null }, concurrency: 5 },
  );
  worker.on('error', () => {});
  await worker.waitUntilReady();

  return {
    mount(app) {
      app.get('/cache/:key', async (request, response) => {
        const key = `cache:${request.params.key}`;
        try {
          await redis.set(key, 'value', 'EX', 60);
          response.json({ value: await redis.get(key) });
        } catch (error) {
          response.status(503).json({ error: error instanceof Error ? error.name : 'error' });
        }
      });
      app.post('/jobs/:name', async (request, response) => {
        const marker = String(request.query.marker ?? '');
        try {
          const job = await queue.add(request.params.name, { marker });
          response.status(202).json({ id: job.id });
        } catch (error) {
          response.status(503).json({ error: error instanceof Error ? error.name : 'error' });
        }
      });
    },
    processed: () => [...processed],
    async close() {
      await Promise.allSettled([worker.close(true), queue.close()]);
      redis.disconnect();
    },
  };
}
