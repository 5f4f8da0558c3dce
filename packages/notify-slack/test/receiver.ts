import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';

/** How the receiver answers one request, like Slack's webhook endpoint would. */
export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer only after this long (a client that times out first aborts the request). */
  delayMs?: number;
}

/** A request the receiver got. */
export interface Received {
  /** `performance.now()` when the request arrived. */
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: unknown;
  /** True once it was answered 2xx to a client still listening. */
  delivered: boolean;
  /** True when the client went away before the answer. */
  aborted: boolean;
}

/** A real HTTP server on 127.0.0.1 answering like a Slack incoming webhook. */
export interface Receiver {
  readonly port: number;
  /** A webhook URL on this server, with a secret-looking path. */
  readonly url: string;
  readonly requests: Received[];
  /** The requests answered 2xx to a listening client: what Slack would have posted. */
  deliveries(): Received[];
  close(): Promise<void>;
}

export const OK: Reply = { status: 200, body: 'ok' };
export const SECRET_PATH = '/services/T0SECRET1/B0SECRET2/s3cretW3bhookT0ken0000000';

/**
 * Starts a receiver. `script[n]` answers the n-th request (from 0); requests past the script,
 * or all of them without one, are answered `200 ok`.
 */
export async function startReceiver(script: readonly Reply[] = [], port = 0): Promise<Receiver> {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const entry: Received = {
        at,
        path: req.url ?? '',
        headers: req.headers,
        raw,
        body,
        delivered: false,
        aborted: false,
      };
      const reply = script[requests.length] ?? OK;
      requests.push(entry);
      res.on('close', () => {
        if (!res.writableFinished) entry.aborted = true;
      });
      const answer = () => {
        if (entry.aborted || res.destroyed) {
          entry.aborted = true;
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers });
        res.end(reply.body ?? '', () => {
          if (reply.status >= 200 && reply.status < 300 && !entry.aborted) entry.delivered = true;
        });
      };
      if (reply.delayMs === undefined) answer();
      else setTimeout(answer, reply.delayMs);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}${SECRET_PATH}`,
    requests,
    deliveries: () => requests.filter((request) => request.delivered),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const receiver = await startReceiver();
  await receiver.close();
  return receiver.port;
}

/** Waits until `condition()` holds, checking every 10 ms; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts a receiver (see {@link startReceiver}) that is closed when the current test ends. */
export async function useReceiver(script: readonly Reply[] = [], port?: number): Promise<Receiver> {
  const started = await startReceiver(script, port);
  onTestFinished(() => started.close());
  return started;
}

/** The alert ids of what the receiver delivered, in order (from the footer's alert `id`). */
export function deliveredIds(server: Receiver): string[] {
  return server.deliveries().map((request) => /alert `([^`]+)`/.exec(request.raw)?.[1] ?? '?');
}

/** Fails the file if any promise rejection went unhandled while it ran. */
export function expectNoUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
}
