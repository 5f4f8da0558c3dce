// One @sentry/node scenario recorded by createTestTransport; prints what the views return as one
// JSON line. Env: SDK = node (11, default) or node-v10; LIFECYCLE = stream (default) or static.
import { createTestTransport } from '@faultline/testkit';

const Sentry = await import(process.env.SDK === 'node-v10' ? '@sentry/node-v10' : '@sentry/node');
const kit = createTestTransport();
Sentry.init({
  dsn: 'https://public@127.0.0.1/1',
  transport: kit.transport,
  tracesSampleRate: 1,
  enableLogs: true,
  ...(process.env.LIFECYCLE === 'static' ? { traceLifecycle: 'static' } : {}),
});

Sentry.addBreadcrumb({ category: 'auth', message: 'signed in' });
Sentry.startSpan({ name: 'checkout', op: 'function', attributes: { 'order.id': 'ord-1' } }, () => {
  Sentry.startSpan(
    { name: 'SELECT orders', op: 'db.query', attributes: { 'db.system': 'postgresql' } },
    (span) => span.setStatus({ code: 2, message: 'internal_error' }),
  );
  Sentry.logger.info('order shipped', { 'order.id': 'ord-1' });
  Sentry.captureException(new Error('payment failed'));
});
Sentry.captureMessage('nightly export finished', 'warning');
const flushed = await Sentry.flush(5_000);
const seen = await kit.waitFor((sent) => sent.logs().length === 1 && sent.spans().length === 2);

process.stdout.write(
  `${JSON.stringify({
    flushed,
    sdkVersion: kit.envelopes[0].header.sdk.version,
    itemTypes: [
      ...new Set(kit.envelopes.flatMap((envelope) => envelope.items.map((item) => item.header.type))),
    ].sort(),
    rawIsWireText: kit.envelopes.every(
      (envelope) => envelope.raw.startsWith('{') && envelope.raw.includes('\n'),
    ),
    events: kit.events().map((event) => ({
      level: event.level,
      message: event.message,
      value: event.exception?.values?.[0]?.value,
    })),
    transactions: kit.transactions().map((transaction) => transaction.transaction),
    spans: seen.spans(),
    breadcrumbs: kit.breadcrumbs().map((crumb) => crumb.message),
    logs: kit
      .logs()
      .map((log) => ({ body: log.body, level: log.level, orderId: log.attributes?.['order.id'] })),
  })}\n`,
);
