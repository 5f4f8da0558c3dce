import { describe, expect, it } from 'vitest';
import { makeAlert } from './alerts.js';
import { testNotifier } from './notifier.js';
import { useReceiver } from './receiver.js';

describe('rate limit', () => {
  it('posts at most one message per second per webhook, across notifiers of that webhook', async () => {
    const server = await useReceiver();
    // The default minIntervalMs (1000), and two notifiers sharing the webhook.
    const first = testNotifier(server.url, { minIntervalMs: undefined });
    const second = testNotifier(server.url, { minIntervalMs: undefined });
    await first.notifier.notify(makeAlert());
    await second.notifier.notify(makeAlert());
    await first.notifier.notify(makeAlert());
    expect(await first.notifier.flush(5000)).toBe(true);
    expect(await second.notifier.flush(5000)).toBe(true);
    const arrivals = server.requests.map((request) => request.at).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(3);
    expect(server.deliveries()).toHaveLength(3);
    // Unlimited, the three posts would arrive within a few milliseconds; the receiver sees the
    // limiter's one-second spacing less network jitter, hence the wide margin.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(500);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(500);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });
});
