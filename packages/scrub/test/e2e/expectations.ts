/** Assertions shared by the end-to-end suites. */
import { expect, it } from 'vitest';
import { type AppRun, containerItems, locate, payloads } from './harness.js';
import { KEPT } from './planted.js';

export const itemTypes = (run: AppRun) =>
  new Set(run.envelopes.flatMap((envelope) => envelope.items.map((item) => item.header.type)));
export const errorEvents = (run: AppRun) => payloads(run.envelopes, 'event');

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

  const logs = containerItems(run.envelopes, 'log');
  expect(logs.map((log) => log.attributes?.order_id?.value)).toContain(KEPT.logOrderId);

  const spanNames = [
    ...containerItems(run.envelopes, 'span').map((span) => span.name),
    ...payloads(run.envelopes, 'transaction').flatMap((transaction) => [
      transaction.transaction,
      ...(transaction.spans ?? []).map((span: { description?: string }) => span.description),
    ]),
  ];
  expect(spanNames).toEqual(expect.arrayContaining([KEPT.rootSpan, KEPT.childSpan]));
}

/** One test per planted secret, so a failure names the secret and lists where it arrived. */
export function expectNoneArrive(getRun: () => AppRun, secrets: Record<string, string>): void {
  it.each(Object.entries(secrets))('never sends %s', (label, secret) => {
    expect(locate(getRun().envelopes, secret), `${label} (${secret}) arrived at`).toEqual([]);
  });
}
