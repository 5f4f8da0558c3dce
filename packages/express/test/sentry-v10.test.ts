/**
 * The same adapter in an app on @sentry/node 10 (the `@sentry/node-v10` alias; the adapter's
 * `@sentry/core` imports resolve to @sentry/core 10 there, as in a real v10 app).
 */
import {
  type EnvelopeViews,
  findSecrets,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, errorEvents, eventsAbout, recorded } from './e2e/harness.js';
import { FAILURES, REQUEST_COUNT, SECRETS, sendAll } from './e2e/requests.js';

describe('express 5 on @sentry/node 10', () => {
  let receiver: LoopbackReceiver;
  let sent: EnvelopeViews;
  let requestsRecorded: number;

  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
    const app = await App.start(receiver.dsn, { SENTRY_SDK: 'node-v10' });
    await sendAll(app);
    requestsRecorded = (await app.stop()).recordRequests;
    sent = await recorded(receiver);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('captures each error once, named after its route template, scrubbed, with the user', () => {
    for (const [, text, transaction] of FAILURES) {
      const events = eventsAbout(sent, text);
      expect(events.map((event) => event.transaction)).toEqual([transaction]);
    }
    expect(errorEvents(sent)).toHaveLength(FAILURES.length + 1);
    for (const event of errorEvents(sent))
      expect(event.user).toEqual({ id: 'u-123', username: 'jane', ip_address: null });
    expect(findSecrets(errorEvents(sent), SECRETS)).toEqual([]);
  });

  it('names transactions after the route template, and counts every request', () => {
    const names = sent.transactions().map((event) => event.transaction ?? '');
    expect(names).toEqual(expect.arrayContaining(['GET /api/ok/:id', 'POST /api/users/:id', 'GET /top/:id']));
    expect(names.filter((name) => name.includes('-1'))).toEqual([]);
    expect(requestsRecorded).toBe(REQUEST_COUNT);
  });
});
