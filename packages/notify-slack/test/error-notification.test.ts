import { describe, expect, it } from 'vitest';
import type { ErrorNotification } from '../src/index.js';
import { testNotifier } from './notifier.js';
import { useReceiver } from './receiver.js';

describe('sendErrorNotification', () => {
  it('posts the error as an alert message and resolves true once delivered', async () => {
    const server = await useReceiver([{ status: 500, body: 'rollup_error' }]);
    const { notifier, errors } = testNotifier(server.url);
    const delivered = await notifier.sendErrorNotification({
      errorMessage: 'card declined for [Filtered]',
      errorType: 'PaymentError',
      errorCount: 3,
      sentryUrl: 'https://acme.sentry.io/issues/42/',
    });
    expect(delivered).toBe(true);
    expect(server.deliveries()).toHaveLength(1);
    const body = server.deliveries()[0]?.body as { text: string; blocks: unknown[] };
    expect(body.text).toBe('🔴 PaymentError: card declined for [Filtered] — 3 events');
    expect(body.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🔴 PaymentError: card declined for [Filtered]' },
    });
    expect(JSON.stringify(body.blocks)).toContain('"url":"https://acme.sentry.io/issues/42/"');
    expect(JSON.stringify(body.blocks)).toContain('> card declined for [Filtered]');
    expect(errors).toEqual([]);
  });

  it('resolves false when Slack rejects it, and reports it through onError', async () => {
    const server = await useReceiver([{ status: 404, body: 'channel_not_found' }]);
    const { notifier, errors } = testNotifier(server.url);
    const delivered = await notifier.sendErrorNotification({
      errorMessage: 'x',
      errorType: 'TypeError',
      errorCount: 1,
    });
    expect(delivered).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 404, slackError: 'channel_not_found', permanent: true });
    expect(errors[0]?.alertId).toMatch(/^error-notification-/);
  });

  it('shares the queue with notify() and never rejects on odd input', async () => {
    const server = await useReceiver();
    const { notifier } = testNotifier(server.url);
    const odd = [
      {},
      null,
      { errorMessage: 42, errorType: '', errorCount: Number.NaN },
    ] as unknown as ErrorNotification[];
    expect(await Promise.all(odd.map((input) => notifier.sendErrorNotification(input)))).toEqual([
      true,
      true,
      true,
    ]);
    const texts = server.deliveries().map((request) => (request.body as { text: string }).text);
    expect(texts).toEqual(['🔴 Error — 1 event', '🔴 Error — 1 event', '🔴 Error: 42 — 1 event']);
  });
});
