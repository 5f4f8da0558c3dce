/**
 * Real Express 5 and 4 apps in a child process with the real @sentry/node 11, sending over HTTP to
 * @faultline/testkit's loopback receiver, in a process of its own. Express is loaded before
 * Sentry.init (as by a static ESM import), so @sentry/node's own Express instrumentation cannot
 * work: everything below is the adapter's doing.
 */
import {
  type EnvelopeViews,
  findSecrets,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, type AppReport, errorEvents, eventsAbout, recorded, rootNames } from './e2e/harness.js';
import { FAILURES, REQUEST_COUNT, type RequestName, SECRETS, sendAll } from './e2e/requests.js';

describe.each(['express', 'express4'] as const)('%s with requestHandler() and errorHandler()', (EXPRESS) => {
  let receiver: LoopbackReceiver;
  let app: App;
  let responses: Awaited<ReturnType<typeof sendAll>>;
  let report: AppReport;
  let sent: EnvelopeViews;

  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
    app = await App.start(receiver.dsn, { EXPRESS });
    responses = await sendAll(app);
    report = await app.stop();
    sent = await recorded(receiver);
  });
  afterAll(async () => {
    app?.kill();
    await receiver?.close();
  });

  it.each(FAILURES)(
    'captures the %s error once, named after its route template',
    (_name, text, transaction) => {
      const events = eventsAbout(sent, text);
      expect(events).toHaveLength(1);
      expect(events[0].transaction).toBe(transaction);
      expect(events[0].tags?.route).toBe(transaction.split(' ')[1]);
    },
  );

  it("marks its events as unhandled errors of its middleware and sets res.sentry to the event's id", () => {
    const [event] = eventsAbout(sent, 'user lookup failed for sync-1');
    expect(event.exception.values.at(-1).mechanism).toMatchObject({
      type: 'auto.middleware.faultline.express',
      handled: false,
    });
    expect(responses.sync).toEqual({ status: 500, body: { eventId: event.event_id } });
  });

  it('leaves 4xx errors alone by default, and sends nothing else', () => {
    expect(responses.teapot).toEqual({ status: 418, body: { eventId: null } });
    expect(eventsAbout(sent, 'short and stout')).toEqual([]);
    expect(errorEvents(sent)).toHaveLength(FAILURES.length + 1); // and the app's own captureException
  });

  it('names errors the app captures itself after the route template too', () => {
    const events = eventsAbout(sent, 'handled by the app for manual-1');
    expect(events.map((event) => [event.transaction, event.tags?.route])).toEqual([
      ['GET /api/manual/:id', '/api/manual/:id'],
    ]);
  });

  it('names the traced requests after the route template, never the raw URL', () => {
    const names = rootNames(sent);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/ok/:id',
        'GET /api/users/:id',
        'POST /api/users/:id',
        'GET /top/:id',
      ]),
    );
    expect(names.filter((name) => /-1\b|\/ok-1/.test(name))).toEqual([]);
  });

  it.each(Object.entries(SECRETS))('never sends the planted %s in an error event', (label, secret) => {
    expect(findSecrets(errorEvents(sent), { [label]: secret })).toEqual([]);
  });

  it('keeps the useful request data: method, URL, query, headers and body fields', () => {
    const [sync] = eventsAbout(sent, 'user lookup failed for sync-1');
    expect(sync.request).toMatchObject({
      method: 'GET',
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/api\/users\/sync-1\?api_key=\[Filtered\]&page=2$/,
      ),
      query_string: 'api_key=[Filtered]&page=2',
      headers: { authorization: '[Filtered]', 'x-test-user': 'jane' },
      cookies: { session: '[Filtered]', theme: '[Filtered]' }, // every cookie: `cookie` is a sensitive key
    });
    const [post] = eventsAbout(sent, 'update failed for 2 fields');
    expect(post.request.data).toEqual({ name: 'Jane', password: '[Filtered]' });
  });

  it('maps req.user to its id and username only; the IP is never sent', () => {
    for (const event of errorEvents(sent)) {
      expect(event.user).toEqual({ id: 'u-123', username: 'jane', ip_address: null });
    }
  });

  it('counts every request once for the error-rate rule', () => {
    expect(report.recordRequests).toBe(REQUEST_COUNT);
  });

  it('prints no warning (the deliberate 500 of a correctly ordered app included)', () => {
    expect(responses.deliberate.status).toBe(500);
    expect(app.stderr).not.toContain('[@faultline/express]');
  });
});

describe('control: @sentry/node 11 alone, Express loaded before Sentry.init', () => {
  let receiver: LoopbackReceiver;
  let sent: EnvelopeViews;
  let responses: Record<RequestName, { status: number }>;

  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
    const app = await App.start(receiver.dsn, { SETUP: 'sentry-only' });
    responses = await sendAll(app);
    await app.stop();
    sent = await recorded(receiver);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('silently sends no error event for the 500s, and names nothing after a route', () => {
    expect(responses.sync.status).toBe(500);
    expect(errorEvents(sent).map((event) => event.transaction)).toEqual(['GET /api/manual/manual-1']);
    expect(rootNames(sent).filter((name) => name.includes(':id'))).toEqual([]);
  });
});
