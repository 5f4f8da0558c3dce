/**
 * The same integration object on Sentry 10: the real @sentry/node 10 SDK running app.mjs (the
 * `@sentry/node-v10` alias), and a bare @sentry/core 10 client (the `@sentry/core-v10` alias) whose
 * transport posts to the receiver. scrubIntegration only imports types from @sentry/core, so one
 * build serves both majors.
 */
import { scrubIntegration } from '@faultline/scrub';
import { type EnvelopeViews, findSecrets } from '@faultline/testkit';
import {
  addBreadcrumb,
  captureException,
  captureMessage,
  createStackParser,
  createTransport,
  type Integration as IntegrationV10,
  logger,
  nodeStackLineParser,
  ServerRuntimeClient,
  setCurrentClient,
  setUser,
} from '@sentry/core-v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvents, expectNoneArrive, expectUsefulDataKept, itemTypes } from './expectations.js';
import { type AppRun, AppRunner, recorded } from './harness.js';
import { KEPT, SECRETS } from './planted.js';

let apps: AppRunner;

beforeAll(async () => {
  apps = await AppRunner.start();
});

afterAll(async () => {
  await apps?.stop();
});

describe('@sentry/node 10, transactions (its default lifecycle)', () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp({ SENTRY_SDK: 'node-v10' });
  });

  it('flushes envelopes with event, transaction and log items', () => {
    expect(run.report.flushed).toBe(true);
    expect([...itemTypes(run)]).toEqual(expect.arrayContaining(['event', 'transaction', 'log']));
  });

  expectNoneArrive(() => run, SECRETS);

  it('still sends the useful data', () => {
    expectUsefulDataKept(run);
  });

  it("leaves the app's own objects and the SDK's state as they were", () => {
    expect(run.report.changed).toEqual([]);
  });
});

describe("@sentry/node 10, traceLifecycle: 'stream' with spanStreamingIntegration", () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp({ SENTRY_SDK: 'node-v10', TRACE_LIFECYCLE: 'stream' });
  });

  it('flushes envelopes with event, span and log items', () => {
    expect([...itemTypes(run)]).toEqual(expect.arrayContaining(['event', 'span', 'log']));
    expect(itemTypes(run).has('transaction')).toBe(false);
  });

  expectNoneArrive(() => run, SECRETS);

  it('still sends the useful data', () => {
    expectUsefulDataKept(run);
  });
});

/** A bare @sentry/core 10 client whose transport is the SDK's own `createTransport`, posting to the receiver. */
async function sendWithCoreV10(withIntegration: boolean): Promise<EnvelopeViews> {
  await apps.receiver.reset();
  // Here `@sentry/core` (the types scrubIntegration is declared with) is v11, whose Client class is not
  // assignable to v10's; in a v10 app that import resolves to v10. At run time the object is the same.
  const integrations = withIntegration ? [scrubIntegration() as unknown as IntegrationV10] : [];
  const client = new ServerRuntimeClient({
    dsn: apps.receiver.dsn,
    integrations,
    transport: (options) =>
      createTransport(options, async ({ body }) => {
        const response = await fetch(options.url, { method: 'POST', body });
        return { statusCode: response.status };
      }),
    stackParser: createStackParser(nodeStackLineParser()),
    enableLogs: true,
    platform: 'node',
    release: 'scrub-e2e@1.0.0',
    beforeSend(event) {
      event.extra = { ...event.extra, late: SECRETS['beforeSend adds: Stripe key'] };
      return event;
    },
  });
  setCurrentClient(client);
  client.init();

  setUser({ id: KEPT.userId, email: SECRETS['setUser: email'] });
  addBreadcrumb({
    message: `login attempt password=${SECRETS['breadcrumb message: password=']}`,
    data: { token: SECRETS['breadcrumb data: token'] },
  });
  captureException(new Error(`declined for card ${SECRETS['exception message: card']}`));
  captureMessage(`${KEPT.message}, receipt to ${SECRETS['exception message: email']}`);
  logger.info(`charging card ${SECRETS['log message: card']}`, {
    order_id: KEPT.logOrderId,
    api_key: SECRETS['log attribute: api_key'],
  });
  expect(await client.flush(5000)).toBe(true);
  await client.close(5000);
  return recorded(apps.receiver);
}

describe('@sentry/core 10 client alone', () => {
  const planted = [
    'setUser: email',
    'breadcrumb message: password=',
    'breadcrumb data: token',
    'exception message: card',
    'exception message: email',
    'log message: card',
    'log attribute: api_key',
    'beforeSend adds: Stripe key',
  ].map((label) => [label, SECRETS[label]!] as const);
  let scrubbed: EnvelopeViews;
  let control: EnvelopeViews;
  beforeAll(async () => {
    scrubbed = await sendWithCoreV10(true);
    control = await sendWithCoreV10(false);
  });

  it('sends events and logs through the v10 transport', () => {
    const run = { sent: scrubbed, report: { flushed: true, changed: [] } };
    expect(errorEvents(run)).toHaveLength(2);
    expect(errorEvents(run).every((event) => event.user?.id === KEPT.userId)).toBe(true);
    expect(scrubbed.logs().map((log) => log.attributes?.order_id?.value)).toEqual([KEPT.logOrderId]);
  });

  it.each(planted)('never sends %s', (label, secret) => {
    expect(findSecrets(scrubbed, { [label]: secret }), `${label} (${secret}) arrived at`).toEqual([]);
  });

  it('control: without the integration every planted secret arrives', () => {
    const found = new Set(findSecrets(control, Object.fromEntries(planted)).map((finding) => finding.name));
    expect(planted.filter(([label]) => !found.has(label))).toEqual([]);
  });
});
