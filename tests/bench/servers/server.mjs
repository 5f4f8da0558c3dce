// One Express 5 server of the bench, in its own process: `node [--import ./instrument-*.mjs]
// server.mjs`, with BENCH_VARIANT = bare | sentry | faultline | faultline-lean. The same app for
// every variant: GET /api/users/:id answers JSON; GET /api/orders/:id throws on every 10th request
// (a counter); GET /api/boom/:id always throws. Error messages carry a number that changes, as real
// ones do (an id, a duration): Sentry's Dedupe would otherwise drop every repeat of the previous
// error before anything else sees it. A last error middleware answers 500 without logging, as an
// app's own would. Faultline variants add @faultline/express as its README does.
// IPC: sends { port } once listening; answers 'stats' with RSS, heap, CPU and the event-loop delay
// since the previous 'stats' (perf_hooks.monitorEventLoopDelay).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express from 'express';

const variant = process.env.BENCH_VARIANT ?? 'bare';
const app = express();
let faultline;
let adapter;
if (variant.startsWith('faultline')) {
  ({ faultline } = await import('./instrument-faultline.mjs')); // the instance --import created
  adapter = await import('@faultline/express');
  app.use(adapter.requestHandler({ alerts: faultline.alerts, scrubber: faultline.scrubber }));
}

const api = express.Router();
let orders = 0;
let failures = 0;
const failure = () => new Error(`payment provider timed out after ${3_000 + (failures++ % 997)} ms`);
api.get('/users/:id', (request, response) => {
  response.json({ id: request.params.id, name: 'Jane' });
});
api.get('/orders/:id', (request, response) => {
  orders += 1;
  if (orders % 10 === 0) throw failure();
  response.json({ id: request.params.id, status: 'paid' });
});
api.get('/boom/:id', () => {
  throw failure();
});
app.use('/api', api);
if (adapter) app.use(adapter.errorHandler());
app.use((_error, _request, response, _next) => {
  response.status(500).json({ error: 'internal' });
});

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

process.on('message', (message) => {
  if (message !== 'stats') return;
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  process.send({
    rss,
    heapUsed,
    cpuMicros: user + system,
    delayP99Ms: delay.percentile(99) / 1e6,
    delayMaxMs: delay.max / 1e6,
  });
  delay.reset();
});
process.on('disconnect', async () => {
  await faultline?.close(1_000);
  process.exit(0);
});
