// A test process that is itself instrumented by @sentry/node 11 (tracing everything) and sends to
// its own loopback receiver. Prints the spans the receiver got, as one JSON line.

import { startLoopbackReceiver } from '@faultline/testkit';
import * as Sentry from '@sentry/node';

const receiver = await startLoopbackReceiver();
Sentry.init({ dsn: receiver.dsn, tracesSampleRate: 1 });

await Sentry.startSpan({ name: 'test body', op: 'test' }, async () => {
  await receiver.envelopes();
  await receiver.respondWith({ status: 200 });
  Sentry.captureException(new Error('from the test process'));
});
await Sentry.flush(5_000);
const seen = await receiver.waitFor((sent) => sent.events().length === 1 && sent.spans().length > 0);
await receiver.close();
process.stdout.write(`${JSON.stringify({ spans: seen.spans().map(({ name, op }) => ({ name, op })) })}\n`);
