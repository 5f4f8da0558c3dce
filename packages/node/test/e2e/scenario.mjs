// The app under test: Faultline was started by instrument.mjs (or, with INIT=here, by this file);
// it plants secrets on every path ErrorTracker and the Sentry API offer, then closes Faultline
// and prints one JSON line: { eventIds, closed }.
import { plantedSecrets } from '@faultline/testkit';
import { API_SECRETS, KEPT } from './secrets.ts';

if (process.env.INIT === 'here') {
  const { init } = await import('@faultline/node');
  globalThis.faultline = init({ sentryOptions: { enableLogs: true } });
}
const Sentry = await import('@sentry/node');
const { ErrorTracker } = await import('@faultline/node');

ErrorTracker.setUser({
  id: KEPT.userId,
  username: KEPT.username,
  email: API_SECRETS['setUser email'],
  ip_address: API_SECRETS['setUser ip_address'],
});
ErrorTracker.addBreadcrumb({
  category: 'auth',
  message: `login with password=${API_SECRETS['breadcrumb password']}`,
});
ErrorTracker.setContext('order', {
  id: KEPT.contextField,
  database: `postgres://shop:${API_SECRETS['context postgres password']}@db.internal:5432/shop`,
});
Sentry.setTag('region', KEPT.tag);
Sentry.setTag('session_token', API_SECRETS['tag session_token']);

const eventIds = {};
for (const secret of plantedSecrets()) {
  const context = secret.key ? { [secret.key]: secret.value } : undefined;
  eventIds[secret.name] = ErrorTracker.captureException(new Error(secret.text), { context });
}

const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "orders_pkey"'), {
  name: 'DatabaseError',
  code: '23505',
  severity: 'ERROR',
  query: "INSERT INTO orders (id, email) VALUES (42, 'buyer@example.com')",
});
eventIds.database = ErrorTracker.captureException(duplicate);
eventIds.ownFingerprint = ErrorTracker.captureException(new Error('quota exceeded'), {
  fingerprint: ['billing', 'quota'],
  level: 'warning',
  tags: { plan: 'pro' },
  user: { id: 'user-2', email: API_SECRETS['capture user email'] },
});
eventIds.message = ErrorTracker.captureMessage('nightly export finished', 'warning');

Sentry.startSpan({ name: 'checkout', op: 'function' }, () =>
  Sentry.startSpan(
    {
      name: KEPT.span,
      op: 'db',
      attributes: { token: API_SECRETS['span attribute token'], 'db.system': 'postgresql' },
    },
    () => {},
  ),
);
Sentry.logger.info(`${KEPT.logText}, receipt to ${API_SECRETS['log email']}`);

const closed = await globalThis.faultline.close(5_000);
process.stdout.write(`${JSON.stringify({ eventIds, closed })}\n`);
