import type { Envelope } from '@sentry/core';
import type { TestTransport } from '../../src/index.js';

/** What Sentry passes to a transport factory. */
export const transportOptions = { url: 'https://127.0.0.1/api/1/envelope/', recordDroppedEvent: () => {} };

/** An envelope of any items, loosely typed: the tests build item shapes the SDK types do not list. */
export function envelopeOf(
  items: Array<[Record<string, unknown>, unknown]>,
  header: Record<string, unknown> = {},
) {
  return [header, items] as unknown as Envelope;
}

/** Sends one envelope through the kit's transport, as a Sentry client would. */
export async function send(
  kit: TestTransport,
  items: Array<[Record<string, unknown>, unknown]>,
  header = {},
) {
  await kit.transport(transportOptions).send(envelopeOf(items, header));
  return kit;
}
