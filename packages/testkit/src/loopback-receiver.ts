import { ReceiverChild } from './receiver-child.js';
import type { LoopbackReceiver, LoopbackReceiverOptions, ScriptedResponse } from './receiver-types.js';
import type { EnvelopeViews, RecordedEnvelope } from './types.js';
import { snapshotViews } from './views.js';
import { waitForRecording } from './wait-for.js';

function checkPort(port: unknown): number {
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65_535)
    throw new TypeError(
      `startLoopbackReceiver: port must be an integer from 0 to 65535, got ${String(port)}`,
    );
  return port as number;
}

function checkResponse(response: ScriptedResponse): ScriptedResponse {
  const { status, headers, times } = response ?? {};
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw new TypeError(`respondWith: status must be an HTTP status from 100 to 599, got ${String(status)}`);
  if (times !== undefined && (!Number.isInteger(times) || times < 1))
    throw new TypeError(`respondWith: times must be a whole number ≥ 1, got ${String(times)}`);
  for (const [name, value] of Object.entries(headers ?? {}))
    if (typeof value !== 'string') throw new TypeError(`respondWith: header "${name}" must be a string`);
  return { status, headers: { ...headers }, ...(times === undefined ? {} : { times }) };
}

/**
 * Starts a stand-in for Sentry's ingest endpoint on 127.0.0.1, in a child process of its own, for
 * tests that send through a real transport (an app in another process, `SENTRY_DSN`, gzip, retries).
 * It accepts envelopes at `POST /api/<project>/envelope/` (plain, gzip, deflate or br bodies) and
 * answers 200, or what `respondWith` scripted. The child process is needed: `@sentry/node` in the
 * test process would otherwise trace the receiver's own requests. It is driven over IPC, exits with
 * its parent, and is killed when the test process exits; call `close()` when done.
 *
 * @example
 * ```ts
 * const receiver = await startLoopbackReceiver();
 * const app = spawn(process.execPath, ['--import', './instrument.mjs', 'app.mjs'], {
 *   env: { ...process.env, SENTRY_DSN: receiver.dsn },
 * });
 * const seen = await receiver.waitFor((sent) => sent.events().length > 0);
 * assertNoSecrets(seen, plantedSecrets());
 * await receiver.close();
 * ```
 */
export async function startLoopbackReceiver(
  options: LoopbackReceiverOptions = {},
): Promise<LoopbackReceiver> {
  const child = await ReceiverChild.start(checkPort(options.port ?? 0));
  const { port } = child;
  const envelopes = () => child.request<RecordedEnvelope[]>('envelopes');
  const views = async (): Promise<EnvelopeViews> => snapshotViews(await envelopes());

  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    envelopes,
    events: async () => (await views()).events(),
    transactions: async () => (await views()).transactions(),
    spans: async () => (await views()).spans(),
    breadcrumbs: async () => (await views()).breadcrumbs(),
    logs: async () => (await views()).logs(),
    items: async (type) => (await views()).items(type),
    rejected: () => child.request<number>('rejected'),
    waitFor: (predicate, waitOptions) =>
      waitForRecording(
        { read: views, subscribe: (listener) => child.onReceived(listener) },
        predicate,
        waitOptions,
      ),
    reset: () => child.request<void>('reset'),
    respondWith: async (response) =>
      child.request<void>('respondWith', { response: checkResponse(response) }),
    stop: () => child.request<void>('stop'),
    restart: async () => {
      await child.request<number>('restart');
    },
    close: () => child.close(),
  };
}
