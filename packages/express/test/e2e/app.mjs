// The app under test: a real Express app with the real Sentry Node SDK, sending over HTTP to the
// receiver process. Run by harness.ts as
//   node --conditions=@faultline/source --import tsx [--import ./instrument.mjs] app.mjs
// Env (see also sentry.mjs):
//   EXPRESS   express (5, default) or express4
//   SETUP     adapter (default): requestHandler first, errorHandler after the routes
//             error-handler-only: errorHandler after the routes, no requestHandler
//             error-handler-first: both, but errorHandler registered before the routes
//             sentry-only: neither
//   USER_MAPPER default (req.user mapped by default) or custom (a user function returning email and IP)
// It tells the parent its port over IPC ({ port }); on 'stop' it flushes Sentry and the alert
// engine and answers { recordRequests, alerts } before exiting.
const { default: express } = await import(process.env.EXPRESS ?? 'express');
// Express is loaded before Sentry.init (as by a static import): without --import of
// instrument.mjs, @sentry/node's Express instrumentation cannot patch it.
const { counter, engine, initSentry, loadSentry, notifier } = await import('./sentry.mjs');
const Sentry = await loadSentry();
if (!Sentry.getClient()) initSentry(Sentry);
const { errorHandler, requestHandler } = await import('@faultline/express');

const setup = process.env.SETUP ?? 'adapter';
const v5 = (process.env.EXPRESS ?? 'express') === 'express';

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const customUser = (req) =>
  req.user && { id: req.user.id, email: req.user.email, ip_address: req.headers['x-real-ip'] };

const app = express();
if (setup === 'adapter' || setup === 'error-handler-first')
  app.use(
    requestHandler({
      alerts: counter,
      ...(process.env.USER_MAPPER === 'custom' ? { user: customUser } : {}),
    }),
  );
if (setup === 'error-handler-first') app.use(errorHandler());
app.use(express.json());
// Authentication as Passport does it: `req.user` is the full user record, email included.
const USERS = { jane: { id: 'u-123', username: 'jane', email: 'jane.doe@example.com', plan: 'pro' } };
app.use((req, _res, next) => {
  req.user = USERS[req.headers['x-test-user']];
  next();
});

const api = express.Router();
api.get('/users/:id', (req) => {
  throw new Error(`user lookup failed for ${req.params.id}`);
});
api.post('/users/:id', (req) => {
  throw new Error(`update failed for ${Object.keys(req.body).length} fields`);
});
api.get('/async/:id', async (req, _res, next) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const error = new Error(`async lookup failed for ${req.params.id}`);
  if (v5) throw error; // Express 5 passes the rejection to next(error)
  next(error); // Express 4 ignores rejections
});
api.get('/next/:id', (req, _res, next) => next(new Error(`next(error) for ${req.params.id}`)));
api.get('/teapot/:id', () => {
  throw new HttpError(418, 'short and stout');
});
api.get('/unavailable/:id', () => {
  throw new HttpError(503, 'try again later');
});
api.get('/string/:id', (_req, _res, next) => next('a string, not an Error'));
api.get('/manual/:id', (req, res) => {
  Sentry.captureException(new Error(`handled by the app for ${req.params.id}`));
  res.json({ ok: true });
});
api.get('/ok/:id', (_req, res) => res.json({ ok: true }));
api.get('/deliberate', (_req, res) => res.status(500).json({ ok: false }));
app.use('/api', api);
const admin = express(); // a mounted sub-app: its request prototype inherits from the app's
admin.get('/reports/:id', (req) => {
  throw new Error(`report failed for ${req.params.id}`);
});
app.use('/admin', admin);
app.get('/top/:id', (req) => {
  throw new Error(`top-level route failed for ${req.params.id}`);
});

if (setup === 'adapter' || setup === 'error-handler-only') app.use(errorHandler());
app.use((error, _req, res, _next) => {
  res.status(error?.status ?? 500).json({ eventId: res.sentry ?? null });
});

const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

process.on('message', async (message) => {
  if (message !== 'stop') return;
  await Sentry.flush(5000);
  await engine.flush(5000);
  process.send({ recordRequests: counter.calls, alerts: notifier.alerts }, () => process.exit(0));
});
