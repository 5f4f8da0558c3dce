// One server of the bench, in its own process: `node --conditions=@faultline/source --import tsx
// [--import ./instrument.mjs] server.mjs`. MODE: bare | sentry | empty (sentry and one empty
// middleware) | adapter. It sends { port } over IPC.
const mode = process.env.MODE ?? 'bare';
const { default: express } = await import('express');
if (mode !== 'bare') {
  const Sentry = await import('@sentry/node');
  // Without --import of instrument.mjs, Sentry starts after Express was loaded (a static ESM import).
  if (!Sentry.getClient()) Sentry.init({ dsn: 'http://public@127.0.0.1:9/1', tracesSampleRate: 0 });
}

const app = express();
if (mode === 'empty') app.use((_req, _res, next) => next());
if (mode === 'adapter') {
  const { createAlertEngine } = await import('@faultline/alerts');
  const { requestHandler } = await import('@faultline/express');
  const engine = createAlertEngine({ notifiers: [{ name: 'none', notify: async () => {} }] });
  app.use(requestHandler({ alerts: engine }));
}
app.use(express.json());
const api = express.Router();
api.get('/users/:id', (req, res) => res.json({ id: req.params.id, name: 'Jane' }));
app.use('/api', api);
if (mode === 'adapter') {
  const { errorHandler } = await import('@faultline/express');
  app.use(errorHandler());
}

const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  }
});
process.on('disconnect', () => process.exit(0));
