// The app under test: the real Sentry Node SDK, sending over HTTP to the receiver process
// (@faultline/testkit's loopback receiver).
// Run as: node --conditions=@faultline/source --import tsx app.mjs (from the package directory)
// Env:  SENTRY_DSN      the receiver's DSN (required)
//       SCRUB=off       leave scrubIntegration out (the control run)
//       SCENARIO        core (default): plant SECRETS; extra: plant EXTRA_SECRETS
//       SENTRY_SDK      node (default, @sentry/node 11) or node-v10 (the @sentry/node-v10 alias)
//       TRACE_LIFECYCLE static or stream (default: the SDK's own default)
// Its last stdout line is a JSON report: { flushed, changed }, where `changed` names the live
// application and SDK objects that were different after sending from what the app had set.
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import { scrubIntegration } from '@faultline/scrub';
import { EXTRA_SECRETS, KEPT, SECRETS } from './planted.js';

const sdk = process.env.SENTRY_SDK ?? 'node';
const Sentry = await import(sdk === 'node-v10' ? '@sentry/node-v10' : '@sentry/node');
const dsn = process.env.SENTRY_DSN;
if (!dsn) throw new Error('SENTRY_DSN is required');
const scrubbing = process.env.SCRUB !== 'off';
const scenario = process.env.SCENARIO ?? 'core';
const lifecycle = process.env.TRACE_LIFECYCLE;
const secret = (label) => SECRETS[label] ?? EXTRA_SECRETS[label] ?? fail(`no planted secret ${label}`);

function fail(message) {
  throw new Error(message);
}

const integrations = scrubbing ? [scrubIntegration()] : [];
// v10 streams spans only with spanStreamingIntegration; v11 adds it itself.
if (sdk === 'node-v10' && lifecycle === 'stream') integrations.push(Sentry.spanStreamingIntegration());

Sentry.init({
  dsn,
  integrations,
  tracesSampleRate: 1,
  release: 'scrub-e2e@1.0.0',
  environment: 'e2e',
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
  // v11 has neither `sendDefaultPii` nor `enableLogs`: logs are always on and `dataCollection` says
  // what is collected. v10 has both (sendDefaultPii deprecated in favour of dataCollection).
  ...(sdk === 'node-v10' ? { enableLogs: true } : {}),
  // Everything on, so that the scrubber is all that stands between the data and the wire.
  dataCollection: {
    userInfo: true,
    cookies: true,
    httpHeaders: { request: true, response: true },
    httpBodies: ['incomingRequest', 'outgoingRequest', 'incomingResponse', 'outgoingResponse'],
    urlQueryParams: true,
    databaseQueryData: true,
  },
  // Runs after processEvent: only the integration's final pass (beforeSendEvent) can catch this.
  beforeSend(event) {
    event.extra = { ...event.extra, late: `charged with ${secret('beforeSend adds: Stripe key')}` };
    return event;
  },
});

class PaymentDeclinedError extends Error {
  name = KEPT.errorType;
}

/** An object the app keeps using after logging it: the console breadcrumb holds it by reference. */
const appConfig = { host: 'db.internal', password: secret('console.warn argument: db password') };
let userEmail;

async function core() {
  userEmail = secret('setUser: email');
  Sentry.setUser({ id: KEPT.userId, email: userEmail, ip_address: secret('setUser: ip_address') });
  Sentry.setTag('region', KEPT.tag);
  Sentry.setTag('session_token', secret('setTag: session_token'));
  Sentry.setContext('database', {
    url: `postgres://app:${secret('setContext: postgres URL password')}@db.internal:5432/orders`,
  });
  Sentry.setExtra(
    'customer',
    JSON.stringify({
      tax_reference: secret('setExtra JSON string: SSN'),
      account: secret('setExtra JSON string: IBAN'),
    }),
  );
  Sentry.addBreadcrumb({
    category: 'auth',
    message: `login attempt user=jane password=${secret('breadcrumb message: password=')}`,
    data: { token: secret('breadcrumb data: token'), attempt: 2 },
  });
  console.warn('db config', appConfig); // stderr, so stdout keeps only the report

  Sentry.captureException(
    new PaymentDeclinedError(
      `Payment declined for card ${secret('exception message: card')}, receipt to ${secret('exception message: email')}`,
    ),
  );

  Sentry.logger.info(`charging card ${secret('log message: card')}`, {
    order_id: KEPT.logOrderId,
    api_key: secret('log attribute: api_key'),
  });
  Sentry.logger.info('password reset mailed to %s', [secret('log template parameter: email')], {
    order_id: KEPT.logOrderId,
  });

  const bearer = `Bearer ${secret('span attribute: bearer token')}`;
  const url = `https://api.example.com/v1/charges?api_key=${secret('span attribute: url api_key')}&limit=10`;
  const query = `SELECT id FROM users WHERE password = '${secret('span attribute: db.query.text password')}'`;
  Sentry.startSpan(
    {
      name: KEPT.rootSpan,
      op: 'function',
      attributes: { 'http.request.header.authorization': bearer, 'url.full': url },
    },
    () =>
      Sentry.startSpan(
        {
          name: KEPT.childSpan,
          op: 'db.query',
          attributes: { 'db.system.name': 'postgresql', 'db.query.text': query },
        },
        () => undefined,
      ),
  );

  Sentry.captureMessage(
    `${KEPT.message}; posting to https://hooks.slack.com/services/${secret('captureMessage: Slack webhook path')}`,
  );

  await httpRoundTrip();
}

/** An incoming request with secrets in headers, cookies, query and body; the handler captures an error. */
async function httpRoundTrip() {
  const server = createServer(async (incoming, response) => {
    // Sentry records the body through 'data' listeners. Capturing after `await`, not inside a listener,
    // keeps the request's isolation scope, which holds the request data.
    let size = 0;
    incoming.on('data', (chunk) => {
      size += chunk.length;
    });
    await once(incoming, 'end');
    Sentry.captureException(new Error(`checkout failed (${size} bytes)`));
    response.writeHead(402, { 'content-type': 'application/json' });
    response.end('{"ok":false}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const body = JSON.stringify({ username: 'jane', password: secret('http request: JSON body password') });
  const query = `api_key=${secret('http request: query api_key')}&email=${secret('http request: query email')}&page=2`;
  await new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.address().port,
        method: 'POST',
        path: `/checkout?${query}`,
        headers: {
          authorization: `Bearer ${secret('http request: Authorization header')}`,
          cookie: `session=${secret('http request: Cookie session')}; contact=${secret('http request: Cookie contact email')}; theme=dark`,
          'x-card-on-file': secret('http request: header x-card-on-file'),
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', resolve);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
  server.close();
  await once(server, 'close');
}

/** Paths where the SDK adds data outside the hooks scrubIntegration registers. */
function extra() {
  userEmail = secret('setUser without id: email (metrics, session did)');
  Sentry.setUser({ email: userEmail });
  Sentry.withScope((scope) => {
    scope.setAttributes({ api_token: secret('scope attribute on a log: api_token') });
    Sentry.logger.info('scope attributes attached', { order_id: KEPT.logOrderId }, { scope });
  });
  Sentry.metrics.count('checkout.attempts', 1, { attributes: { card: secret('metric attribute: card') } });
  Sentry.captureException(new PaymentDeclinedError('declined')); // sends the release-health session
}

/** Which live objects no longer hold what the app put in them. */
function changedState() {
  const changed = [];
  const scope = Sentry.getIsolationScope();
  const session = scope.getSession();
  if (scenario === 'core' && appConfig.password !== secret('console.warn argument: db password'))
    changed.push(`app object passed to console.warn: password is now ${JSON.stringify(appConfig.password)}`);
  if (scope.getUser().email !== userEmail)
    changed.push(`isolation scope user.email is now ${JSON.stringify(scope.getUser().email)}`);
  if (Sentry.getClient()?.getOptions().dsn !== dsn)
    changed.push(`client options.dsn is now ${JSON.stringify(Sentry.getClient()?.getOptions().dsn)}`);
  if (session && (typeof session.started !== 'number' || !/^[0-9a-f]{32}$/.test(session.sid)))
    changed.push(
      `isolation scope session is now ${JSON.stringify({ sid: session.sid, started: session.started })}`,
    );
  return changed;
}

if (scenario === 'extra') extra();
else await core();

const flushed = await Sentry.flush(5000);
const changed = changedState();
await Sentry.close(5000);
process.stdout.write(`\n${JSON.stringify({ flushed, changed, sdk, scenario, scrubbing, lifecycle })}\n`);
