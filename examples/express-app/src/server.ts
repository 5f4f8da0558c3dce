// The shop's server: `node --import tsx --import ./src/instrument.ts src/server.ts`.
// Env: PORT (0 = a free port), EXPRESS_MODULE (default express), REDIS_URL (enables the product
// cache and the `emails` queue), the shop's settings (src/config.ts) and Faultline's (SENTRY_DSN,
// alerts, scrubbing, grouping; see @faultline/config).
import type { AddressInfo } from 'node:net';
import { instrumentRedis } from '@faultline/ioredis';
import type Express from 'express';
import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { shopConfigFrom } from './config.js';
import { explainEachEvent } from './explanations.js';
import { faultline } from './instrument.js';
import { tellParent } from './ipc.js';
import { startEmailJobs } from './jobs/emails.js';

const env = process.env;
const config = shopConfigFrom(env);

explainEachEvent(faultline, (explanation) => tellParent({ explanation }));

// loaded after instrument.ts, so that @sentry/node instruments it (Express 4 under EXPRESS_MODULE=express4)
const express = ((await import(env.EXPRESS_MODULE ?? 'express')) as { default: typeof Express }).default;
const redis = env.REDIS_URL
  ? instrumentRedis(new Redis(env.REDIS_URL), { cachePrefixes: ['product:'] })
  : undefined;
const jobs = env.REDIS_URL
  ? startEmailJobs(env.REDIS_URL, (job) => tellParent({ jobFailed: { id: String(job.id), name: job.name } }))
  : undefined;

const app = createApp(express, { faultline, config, redis, emails: jobs?.queue });
const server = app.listen(Number(env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(
    `shop listening on http://127.0.0.1:${port}${redis ? '' : ' (no REDIS_URL: no cache, no queue)'}`,
  );
  tellParent({ port });
});

let stopping = false;
/** Stops taking requests, lets the queue finish, then flushes Sentry and the alerts. */
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await jobs?.close();
  await redis?.quit().catch(() => undefined);
  const flushed = await faultline.close(5_000);
  if (!flushed) console.warn('shop: Sentry or the alerts did not finish sending within 5 s');
  process.exit(0);
}

process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
