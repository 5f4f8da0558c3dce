/**
 * The same adapter in an app on @sentry/node 10 (the `@sentry/node-v10` alias; the adapter's
 * `@sentry/core` imports resolve to @sentry/core 10 there, as in a real v10 app).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, type Envelope, errorEvents, eventsAbout, payloads, Receiver } from './e2e/harness.js';
import { FAILURES, REQUEST_COUNT, SECRETS, sendAll } from './e2e/requests.js';

describe('express 5 on @sentry/node 10', () => {
  let receiver: Receiver;
  let envelopes: Envelope[];
  let recorded: number;

  beforeAll(async () => {
    receiver = await Receiver.start();
    const app = await App.start(receiver.port, { SENTRY_SDK: 'node-v10' });
    await sendAll(app);
    recorded = (await app.stop()).recordRequests;
    envelopes = await receiver.envelopes();
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('captures each error once, named after its route template, scrubbed, with the user', () => {
    for (const [, text, transaction] of FAILURES) {
      const events = eventsAbout(envelopes, text);
      expect(events.map((event) => event.transaction)).toEqual([transaction]);
    }
    expect(errorEvents(envelopes)).toHaveLength(FAILURES.length + 1);
    for (const event of errorEvents(envelopes)) {
      expect(event.user).toEqual({ id: 'u-123', username: 'jane', ip_address: null });
      for (const secret of Object.values(SECRETS)) expect(JSON.stringify(event)).not.toContain(secret);
    }
  });

  it('names transactions after the route template, and counts every request', () => {
    const names = payloads(envelopes, 'transaction').map((event) => event.transaction);
    expect(names).toEqual(expect.arrayContaining(['GET /api/ok/:id', 'POST /api/users/:id', 'GET /top/:id']));
    expect(names.filter((name) => name.includes('-1'))).toEqual([]);
    expect(recorded).toBe(REQUEST_COUNT);
  });
});
