import { createTransport } from '@sentry/core';
import { readEnvelope } from './envelope-parser.js';
import type { EnvelopeViews, RecordedEnvelope, TestTransport, TestTransportFactory } from './types.js';
import { createViews, snapshotViews } from './views.js';
import { waitForRecording } from './wait-for.js';

/**
 * Creates an in-memory Sentry transport that records every envelope exactly as it would be sent:
 * the envelope is serialized the way Sentry's own transports do it (`createTransport` of
 * `@sentry/core`), the text is kept as `raw`, and what the views show is parsed back from that
 * text — the wire form, not the SDK's objects. Every send is answered `{ statusCode: 200 }`.
 *
 * Sentry sends nothing without a DSN: pass any DSN, e.g. `https://public@127.0.0.1/1`; with this
 * transport no request is ever made.
 *
 * @example
 * ```ts
 * const kit = createTestTransport();
 * Sentry.init({ dsn: 'https://public@127.0.0.1/1', transport: kit.transport, tracesSampleRate: 1 });
 * Sentry.captureException(new Error('boom'));
 * await Sentry.flush();
 * expect(kit.events()[0].exception?.values?.[0]?.value).toBe('boom');
 * assertNoSecrets(kit, plantedSecrets());
 * ```
 */
export function createTestTransport(): TestTransport {
  const recorded: RecordedEnvelope[] = [];
  const listeners = new Set<() => void>();

  const record = (body: string | Uint8Array): void => {
    recorded.push(readEnvelope(body));
    for (const listener of listeners) listener();
  };
  const transport: TestTransportFactory = (options) =>
    createTransport(options, (request) => {
      record(request.body);
      return Promise.resolve({ statusCode: 200 });
    });

  const controls: Omit<TestTransport, keyof EnvelopeViews> = {
    transport,
    reset() {
      recorded.length = 0;
    },
    waitFor(predicate, options) {
      return waitForRecording(
        {
          read: () => snapshotViews(recorded),
          subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        predicate,
        options,
      );
    },
  };
  // assigned onto the views, whose `envelopes` getter a spread would freeze
  return Object.assign(
    createViews(() => [...recorded]),
    controls,
  );
}
