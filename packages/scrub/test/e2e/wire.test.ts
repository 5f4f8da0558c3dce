/**
 * End to end with the real @sentry/node 11 transport: app.mjs plants secrets on every path the SDK
 * sends, and @faultline/testkit's loopback receiver, a separate process, records the envelopes exactly
 * as they arrive.
 */
import { findSecrets } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvents, expectNoneArrive, expectUsefulDataKept, itemTypes } from './expectations.js';
import { type AppRun, AppRunner } from './harness.js';
import { EXTRA_SECRETS, SECRETS } from './planted.js';

let apps: AppRunner;

beforeAll(async () => {
  apps = await AppRunner.start();
});

afterAll(async () => {
  await apps?.stop();
});

describe('@sentry/node 11, streamed spans (its default)', () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp();
  });

  it('flushes envelopes with event, span and log items', () => {
    expect(run.report.flushed).toBe(true);
    expect([...itemTypes(run)]).toEqual(expect.arrayContaining(['event', 'span', 'log']));
    expect(errorEvents(run)).toHaveLength(3); // the exception, the message, the request's error
  });

  expectNoneArrive(() => run, SECRETS);

  it('still sends the useful data: names, error type, user id, tags, request shape', () => {
    expectUsefulDataKept(run);
  });

  it("leaves the app's own objects and the SDK's state as they were", () => {
    expect(run.report.changed).toEqual([]);
  });
});

describe('@sentry/node 11 without scrubIntegration (the control)', () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp({ SCRUB: 'off' });
  });

  it('lets the planted secrets through, so the assertions above can fail', () => {
    const found = new Set(findSecrets(run.sent, SECRETS).map((finding) => finding.name));
    const arrived = Object.entries(SECRETS).filter(([label]) => found.has(label));
    // Sentry's own defaults filter the Authorization header, the `session` cookie and `api_key` in the
    // request; everything else planted reaches the wire unscrubbed.
    expect(arrived.map(([label]) => label)).toEqual(
      expect.arrayContaining([
        'exception message: card',
        'setUser: email',
        'breadcrumb message: password=',
        'setContext: postgres URL password',
        'setExtra JSON string: SSN',
        'log message: card',
        'span attribute: db.query.text password',
        'captureMessage: Slack webhook path',
        'beforeSend adds: Stripe key',
        'http request: JSON body password',
        'console.warn argument: db password',
      ]),
    );
    expect(arrived.length).toBeGreaterThanOrEqual(Object.keys(SECRETS).length - 4);
    expect(run.report.changed).toEqual([]);
  });
});

describe("@sentry/node 11, traceLifecycle: 'static' (transactions)", () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp({ TRACE_LIFECYCLE: 'static' });
  });

  it('flushes envelopes with event, transaction and log items', () => {
    expect([...itemTypes(run)]).toEqual(expect.arrayContaining(['event', 'transaction', 'log']));
    expect(itemTypes(run).has('span')).toBe(false);
  });

  expectNoneArrive(() => run, SECRETS);

  it('still sends the useful data', () => {
    expectUsefulDataKept(run);
  });

  it("leaves the app's own objects and the SDK's state as they were", () => {
    expect(run.report.changed).toEqual([]);
  });
});

describe('@sentry/node 11: data the SDK attaches outside the hooks scrubIntegration uses', () => {
  let run: AppRun;
  beforeAll(async () => {
    run = await apps.runApp({ SCENARIO: 'extra' });
  });

  it('flushes envelopes with log and metric items', () => {
    expect([...itemTypes(run)]).toEqual(expect.arrayContaining(['log', 'trace_metric', 'event']));
  });

  expectNoneArrive(() => run, EXTRA_SECRETS);
});
