// The app under test: a real Express 5 app on 127.0.0.1 with @faultline/express, started by
// support/app.ts as `node --conditions=@faultline/source --import tsx --import ./instrument.ts
// server.ts`. It talks to the test over IPC: it sends `{ type: 'ready', port }`, answers
// `{ type: 'stats' }` with its memory, event-loop delay and counts, and on `{ type: 'close' }`
// closes Faultline (flushing Sentry and the notifiers) and exits.
//
// Env besides Faultline's own settings:
//   FAULT_REDIS_URL  a Redis for the /cache routes (ioredis + @faultline/ioredis) and the /jobs
//                    routes (BullMQ + @faultline/bullmq); unset: those routes answer 404.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { errorHandler, requestHandler } from '@faultline/express';
import express from 'express';
import { faultline } from './instrument.js';
import { startRedisParts } from './redis-parts.js';

/** An error class per group name, so that each group is its own alert group (`<type>|<function>`). */
function faultError(group: string, message: string): Error {
  const error = new Error(message);
  error.name = `Fault${group.replace(/[^A-Za-z0-9]/g, '')}Error`;
  return error;
}

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const counts = { ok: 0, failed: 0 };

const app = express();
app.use(requestHandler({ alerts: faultline.alerts, scrubber: faultline.scrubber }));
app.use(express.json());

app.get('/ok', (_request, response) => {
  counts.ok++;
  response.json({ ok: true });
});

// Every request of a group throws one error of that group. The message names the order (a number
// per request, as real errors do) and carries a card number and an email, which the scrubber
// removes before anything leaves the process. With `?same=1` every message is the same: Sentry's
// Dedupe integration then drops all but the first of a run of them (see the README).
app.get('/fail/:group', (request) => {
  counts.failed++;
  const { group } = request.params;
  const order = request.query.same === '1' ? 0 : counts.failed;
  const marker = typeof request.query.marker === 'string' ? ` marker=${request.query.marker}` : '';
  throw faultError(group, `order ${order} failed for card 4111 1111 1111 1111 of jane@example.com${marker}`);
});

const redisParts = process.env.FAULT_REDIS_URL
  ? await startRedisParts(process.env.FAULT_REDIS_URL)
  : undefined;
if (redisParts) redisParts.mount(app);

app.use(errorHandler());
app.use(
  (error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    response.status(500).json({ error: error instanceof Error ? error.name : 'error' });
  },
);

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', port });
});

function stats() {
  const memory = process.memoryUsage();
  return {
    type: 'stats',
    rssMb: memory.rss / 1024 / 1024,
    heapUsedMb: memory.heapUsed / 1024 / 1024,
    eldP99Ms: delay.percentile(99) / 1e6,
    eldMaxMs: delay.max / 1e6,
    ...counts,
    ...(redisParts ? { jobs: redisParts.processed() } : {}),
  };
}

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close();
  await redisParts?.close();
  const closed = await faultline.close(5_000);
  process.send?.({ type: 'closed', closed });
  process.disconnect?.();
  process.exit(0);
}

/** `global.gc` with `--expose-gc` (support/app.ts passes it): retained memory, without garbage. */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: { type?: string; reset?: boolean; gc?: boolean }) => {
  if (message.type === 'stats') {
    if (message.gc) collect?.();
    process.send?.(stats());
    if (message.reset) delay.reset();
  } else if (message.type === 'close') void close();
});
// the test process went away: never outlive it
process.on('disconnect', () => void close());
process.on('SIGTERM', () => void close());
