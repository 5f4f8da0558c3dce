import { describe, expect, it } from 'vitest';
import { makeAlert } from './alerts.js';
import { testNotifier } from './notifier.js';
import {
  closedPort,
  deliveredIds,
  expectNoUnhandledRejections,
  OK,
  SECRET_PATH,
  sleep,
  useReceiver,
  waitFor,
} from './receiver.js';

expectNoUnhandledRejections();

describe('delivery', () => {
  it('posts one JSON Block Kit message per alert, with channel and username', async () => {
    const server = await useReceiver();
    const { notifier, errors } = testNotifier(server.url, { channel: '#alerts', username: 'Faultline' });
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe(SECRET_PATH);
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.body).toMatchObject({
      channel: '#alerts',
      username: 'Faultline',
      text: expect.any(String),
    });
    expect((request!.body as { blocks: Array<{ type: string }> }).blocks[0]?.type).toBe('header');
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it('429: waits for Retry-After, then delivers once', async () => {
    const server = await useReceiver([
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } },
    ]);
    const { notifier, errors } = testNotifier(server.url);
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it('500 then 200: retried and delivered once', async () => {
    const server = await useReceiver([{ status: 500, body: 'rollup_error' }]);
    const { notifier, errors } = testNotifier(server.url);
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
  ])('%i %s is permanent: reported once with status and text, never retried', async (status, body) => {
    const server = await useReceiver([{ status, body }]);
    const { notifier, errors } = testNotifier(server.url);
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    await sleep(250); // a retry would have come by now (backoff ≤ 100 ms)
    expect(server.requests).toHaveLength(1);
    expect(server.deliveries()).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      name: 'SlackDeliveryError',
      status,
      slackError: body,
      permanent: true,
      reason: 'rejected',
      alertId: alert.id,
      attempts: 1,
    });
    expect(errors[0]?.message).toContain(`HTTP ${status} ${body}; not retried`);
  });

  it("cuts Slack's error text to 200 characters", async () => {
    const server = await useReceiver([{ status: 400, body: `invalid_blocks ${'x'.repeat(1000)}` }]);
    const { notifier, errors } = testNotifier(server.url);
    await notifier.notify(makeAlert());
    await notifier.flush(5000);
    expect(errors[0]?.slackError).toHaveLength(200);
    expect(errors[0]?.slackError).toMatch(/^invalid_blocks x+$/);
  });

  it('a response slower than the timeout is aborted and retried; delivered once', async () => {
    const server = await useReceiver([{ ...OK, delayMs: 1500 }]);
    const { notifier, errors } = testNotifier(server.url, { timeoutMs: 200 });
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(2);
    await waitFor(() => server.requests[0]!.aborted, 2000);
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it('connection refused, then the server comes up: delivered once', async () => {
    const port = await closedPort();
    let failures = 0;
    const { notifier, errors } = testNotifier(`http://127.0.0.1:${port}${SECRET_PATH}`, {
      maxRetries: 10,
      backoff: { baseMs: 50, capMs: 200 },
      fetch: (url, init) =>
        fetch(url, init).catch((error: unknown) => {
          failures += 1;
          throw error;
        }),
    });
    const alert = makeAlert();
    await notifier.notify(alert);
    await waitFor(() => failures >= 1);
    const server = await useReceiver([], port);
    expect(await notifier.flush(5000)).toBe(true);
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it("waits out Slack's rate limit without using up maxRetries, and delivers once", async () => {
    const limited = { status: 429, body: 'rate_limited', headers: { 'retry-after': '0' } };
    const server = await useReceiver([
      ...Array.from({ length: 6 }, () => limited),
      { status: 200, body: 'ok' },
    ]);
    const { notifier, errors } = testNotifier(server.url, { maxRetries: 2 });
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(10_000)).toBe(true);
    expect(server.requests).toHaveLength(7);
    expect(deliveredIds(server)).toEqual([alert.id]);
    expect(errors).toEqual([]);
  });

  it('counts 429s as failures once maxRateLimitWaitMs has passed', async () => {
    const limited = { status: 429, body: 'rate_limited', headers: { 'retry-after': '0' } };
    const server = await useReceiver(Array.from({ length: 10 }, () => limited));
    const { notifier, errors } = testNotifier(server.url, { maxRetries: 2, maxRateLimitWaitMs: 0 });
    await notifier.notify(makeAlert());
    expect(await notifier.flush(10_000)).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(errors[0]).toMatchObject({ reason: 'retries-exhausted', status: 429, attempts: 3 });
  });

  it('gives up after maxRetries and reports once, with the last status', async () => {
    const server = await useReceiver(
      Array.from({ length: 10 }, () => ({ status: 503, body: 'service_unavailable' })),
    );
    const { notifier, errors } = testNotifier(server.url, { maxRetries: 2 });
    const alert = makeAlert();
    await notifier.notify(alert);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reason: 'retries-exhausted',
      permanent: false,
      status: 503,
      slackError: 'service_unavailable',
      attempts: 3,
      alertId: alert.id,
    });
  });

  it('gives up on a network error that lasts, naming its code', async () => {
    const { notifier, errors } = testNotifier(`http://127.0.0.1:${await closedPort()}${SECRET_PATH}`, {
      maxRetries: 1,
    });
    await notifier.notify(makeAlert());
    expect(await notifier.flush(5000)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'retries-exhausted', permanent: false, attempts: 2 });
    expect(errors[0]?.status).toBeUndefined();
    expect(errors[0]?.message).toContain('network error (ECONNREFUSED)');
  });
});
