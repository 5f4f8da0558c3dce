/** Assertions shared by the end-to-end suites. */
import { findSecrets } from '@faultline/testkit';
import { expect, it } from 'vitest';
import type { AppRun } from './harness.js';
import { KEPT } from './planted.js';

export const itemTypes = (run: AppRun) =>
  new Set(run.sent.envelopes.flatMap((envelope) => envelope.items.map((item) => item.header.type)));
export const errorEvents = (run: AppRun) => run.sent.events();

/** The ordinary data that must survive scrubbing, on any SDK version and trace lifecycle. */
export function expectUsefulDataKept(run: AppRun): void {
  const events = errorEvents(run);
  expect(events.map((event) => event.exception?.values?.[0]?.type)).toContain(KEPT.errorType);
  for (const event of events) {
    expect(event.user?.id).toBe(KEPT.userId);
    expect(event.tags?.region).toBe(KEPT.tag);
  }
  expect(events.some((event) => String(event.message ?? '').includes(KEPT.message))).toBe(true);
  const request = events.find((event) => event.request)?.request;
  expect(request?.method).toBe('POST');
  expect(request?.url).toContain('/checkout?');

  const logs = run.sent.logs();
  expect(logs.map((log) => log.attributes?.order_id?.value)).toContain(KEPT.logOrderId);

  // streamed spans, and transactions (named by `transaction`) with their child spans (by `description`)
  const spanNames = run.sent.spans().map((span) => span.name);
  expect(spanNames).toEqual(expect.arrayContaining([KEPT.rootSpan, KEPT.childSpan]));
}

/**
 * One test per planted secret, so a failure names the secret and lists where it arrived: the exact
 * path and encoding (as is, JSON-escaped, URL- or form-encoded, base64, …) testkit's `findSecrets` found.
 */
export function expectNoneArrive(getRun: () => AppRun, secrets: Record<string, string>): void {
  it.each(Object.entries(secrets))('never sends %s', (label, secret) => {
    expect(findSecrets(getRun().sent, { [label]: secret }), `${label} (${secret}) arrived at`).toEqual([]);
  });
}
