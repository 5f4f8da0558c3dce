// An Express 5 app in lean mode, preloaded the recommended way (this file is the --import):
// Faultline first, then the app. It requests itself a few times and prints one JSON line:
// { integrations, downstream: [headers seen by a downstream service] }.
// Env: SENTRY_DSN, SENTRY_TRACES_SAMPLE_RATE, MODE (lean|standard).
import { createServer, get } from 'node:http';
import { init } from '@faultline/node';

const faultline = init({ mode: process.env.MODE ?? 'lean' });
const Sentry = await import('@sentry/node');
const { default: express } = await import('express');
const { errorHandler, requestHandler } = await import('@faultline/express');

// a downstream service, recording the trace headers each call carries
const downstream = [];
const service = createServer((req, res) => {
  downstream.push({ sentryTrace: req.headers['sentry-trace'], baggage: req.headers.baggage });
  res.end('{}');
});
await new Promise((resolve) => service.listen(0, '127.0.0.1', resolve));
const servicePort = service.address().port;
const callDownstream = () =>
  new Promise((resolve, reject) =>
    get(`http://127.0.0.1:${servicePort}/quote`, (res) => res.resume().on('end', resolve)).on(
      'error',
      reject,
    ),
  );

const app = express();
app.use(requestHandler({ alerts: faultline.alerts, scrubber: faultline.scrubber }));
app.use((req, _res, next) => {
  req.user = { id: 'user-42', username: 'jane', email: 'jane.lean@example.com' };
  next();
});
const api = express.Router();
api.get('/users/:id', async (_req, res) => {
  await callDownstream();
  res.json({ ok: true });
});
api.get('/fail/:id', (req) => {
  console.log(`loading order ${req.params.id}`);
  throw new Error(`order ${req.params.id} failed`);
});
app.use('/api', api);
app.use(errorHandler());

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const incoming = { 'sentry-trace': '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1' };

await fetch(`${base}/api/users/7`);
await fetch(`${base}/api/users/8`, { headers: incoming });
await fetch(`${base}/api/fail/9?token=tok_1234567890abcdef`, { headers: incoming });
await fetch(`${base}/api/fail/10`);

server.close();
service.close();
const integrations = Sentry.getClient()
  ?.getOptions()
  .integrations.map((integration) => integration.name);
const closed = await faultline.close(5_000);
process.stdout.write(`${JSON.stringify({ integrations, downstream, closed })}\n`);
