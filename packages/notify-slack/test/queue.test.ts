import { describe, expect, it } from 'vitest';
import { makeAlert } from './alerts.js';
import { testNotifier } from './notifier.js';
import { deliveredIds, expectNoUnhandledRejections, OK, useReceiver, waitFor } from './receiver.js';

expectNoUnhandledRejections();

describe('queue', () => {
  it('when full, drops the oldest waiting message and reports it; the rest go in order', async () => {
    const server = await useReceiver([{ ...OK, delayMs: 300 }]);
    const { notifier, errors } = testNotifier(server.url, { maxQueue: 2 });
    const [a, b, c, d] = [makeAlert(), makeAlert(), makeAlert(), makeAlert()];
    await notifier.notify(a!);
    await waitFor(() => server.requests.length === 1);
    for (const alert of [b, c, d]) await notifier.notify(alert!);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'dropped', permanent: false, attempts: 0, alertId: b!.id });
    expect(errors[0]?.message).toContain('queue of 2 messages was full');
    expect(await notifier.flush(5000)).toBe(true);
    expect(deliveredIds(server)).toEqual([a!.id, c!.id, d!.id]);
  });

  it('notify() returns at once and never rejects while Slack hangs', async () => {
    const server = await useReceiver([{ ...OK, delayMs: 300 }]);
    const { notifier } = testNotifier(server.url);
    const start = performance.now();
    for (let i = 0; i < 5; i++) await notifier.notify(makeAlert());
    expect(performance.now() - start).toBeLessThan(50);
    expect(await notifier.flush(5000)).toBe(true);
    expect(server.deliveries()).toHaveLength(5);
  });

  it('flush() resolves true after the deliveries, false on timeout', async () => {
    const server = await useReceiver([{ ...OK, delayMs: 400 }]);
    const { notifier } = testNotifier(server.url);
    expect(await notifier.flush(0)).toBe(true);
    await notifier.notify(makeAlert());
    const start = performance.now();
    expect(await notifier.flush(100)).toBe(false);
    expect(performance.now() - start).toBeLessThan(350);
    expect(server.deliveries()).toHaveLength(0);
    expect(await notifier.flush()).toBe(true);
    expect(server.deliveries()).toHaveLength(1);
  });

  it('posts an alert notified twice (same id) once', async () => {
    const server = await useReceiver();
    const { notifier } = testNotifier(server.url);
    const alert = makeAlert();
    await Promise.all([notifier.notify(alert), notifier.notify(alert), notifier.notify({ ...alert })]);
    await notifier.flush(5000);
    await notifier.notify(alert);
    await notifier.flush(5000);
    expect(deliveredIds(server)).toEqual([alert.id]);
  });

  it('an onError that throws does not stop later deliveries', async () => {
    const server = await useReceiver([{ status: 404, body: 'channel_not_found' }]);
    const { notifier } = testNotifier(server.url, {
      onError: () => {
        throw new Error('logger down');
      },
    });
    const [failed, next] = [makeAlert(), makeAlert()];
    await notifier.notify(failed);
    await notifier.notify(next);
    expect(await notifier.flush(5000)).toBe(true);
    expect(deliveredIds(server)).toEqual([next.id]);
  });
});
