import { type SlackDeliveryError, SlackNotifier, type SlackNotifierOptions } from '../src/index.js';

/** A notifier with fast test settings, and the delivery errors it reported. */
export function testNotifier(
  webhookUrl: string,
  options: Partial<SlackNotifierOptions> = {},
): { notifier: SlackNotifier; errors: SlackDeliveryError[] } {
  const errors: SlackDeliveryError[] = [];
  const notifier = new SlackNotifier({
    webhookUrl,
    minIntervalMs: 0,
    backoff: { baseMs: 20, capMs: 100 },
    timeoutMs: 2000,
    onError: (error) => errors.push(error),
    ...options,
  });
  return { notifier, errors };
}
