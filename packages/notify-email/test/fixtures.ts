import type { Alert, AlertGroup } from '@faultline/alerts';

/** A burst group as the alert engine builds it: `PaymentError` in `chargeCard`, 12 events. */
export function makeGroup(overrides: Partial<AlertGroup> = {}): AlertGroup {
  return {
    key: 'PaymentError|chargeCard',
    title: 'PaymentError: card declined for [Filtered]',
    level: 'error',
    errorType: 'PaymentError',
    message: 'card declined for [Filtered]',
    culprit: 'chargeCard',
    count: 12,
    firstSeen: Date.UTC(2026, 10, 30, 12, 0, 0),
    lastSeen: Date.UTC(2026, 10, 30, 12, 0, 48),
    tags: { route: 'POST /api/orders/:id/pay', region: 'eu-west-1' },
    eventId: '9f1c3a7b2d4e4f6a8b0c1d2e3f4a5b6c',
    issueUrl: 'https://acme.sentry.io/issues/?query=9f1c3a7b2d4e4f6a8b0c1d2e3f4a5b6c',
    ...overrides,
  };
}

let sequence = 0;

/** A firing burst alert in `prod` with one group, unless overridden. Each call gets a new id. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  sequence += 1;
  return {
    id: `alert-${sequence}`,
    kind: 'burst',
    status: 'firing',
    groups: [makeGroup()],
    threshold: 10,
    windowMs: 60_000,
    environment: 'prod',
    release: 'shop-api@4.2.0',
    service: 'api-7f9c',
    createdAt: Date.UTC(2026, 10, 30, 12, 0, 50),
    ...overrides,
  };
}

/** Resolves when `check` passes, polling every 10 ms (fails after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
