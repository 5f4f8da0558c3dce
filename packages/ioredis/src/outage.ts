import { addBreadcrumb, captureException, getClient, withScope } from '@sentry/core';
import { RedisConnectionError } from './errors.js';
import { ORIGIN } from './spans.js';
import { withoutCredentials } from './target.js';

/** Socket errors that mean the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
/** Errors ioredis raises when it gives up: retries exhausted, no cluster node answering. */
const GIVE_UP_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

/**
 * What kind of connection-level failure `error` is — a socket error code, `NOAUTH`/`WRONGPASS`,
 * `MaxRetriesPerRequestError`, `ClusterAllFailedError` — or undefined for an ordinary command error.
 */
export function connectionErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof name === 'string' && GIVE_UP_NAMES.has(name)) return name;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  if (typeof message !== 'string') return undefined;
  const reply = /^(?:Ready check failed: )?(NOAUTH|WRONGPASS)\b/.exec(message);
  if (reply) return reply[1];
  return /^ERR invalid (username-)?password/i.test(message) ? 'WRONGPASS' : undefined;
}

function describeOutage(code: string): string {
  if (code === 'NOAUTH' || code === 'WRONGPASS') return 'refused the credentials';
  if (code === 'MaxRetriesPerRequestError') return 'did not answer: a command ran out of retries';
  if (code === 'ClusterAllFailedError') return 'did not answer: no cluster node could be reached';
  return 'is unreachable';
}

/**
 * Tracks one client's outages: the first connection-level error of an outage is captured, the
 * rest are only counted, and the client's `ready` event ends the outage.
 */
export class OutageTracker {
  private down = false;
  /** A connection-level error since the last `connect`: a `ready` that follows is no recovery. */
  private failedSinceConnect = false;
  private since = 0;
  private failures = 0;
  private readonly seen = new WeakSet<object>();

  constructor(
    private readonly capture: boolean,
    private readonly host: string,
  ) {}

  /** Looks at a failure; returns true when it was a connection-level one. */
  observe(error: unknown, host = this.host): boolean {
    const code = connectionErrorCode(error);
    if (code === undefined) return false;
    if (this.seen.has(error as object)) return true; // the same error through two events
    this.seen.add(error as object);
    this.failures++;
    this.failedSinceConnect = true;
    if (this.down || getClient() === undefined) return true;
    this.down = true;
    this.since = Date.now();
    this.failures = 1;
    if (this.capture) captureOutage(error as { message?: unknown }, code, host);
    return true;
  }

  /** The client connected (it is not ready yet: AUTH and the ready check may still fail). */
  connected(): void {
    this.failedSinceConnect = false;
  }

  /**
   * The client is ready again: the outage, if any, is over. Without the ready check, ioredis emits
   * `ready` even after its AUTH failed; such a `ready` does not end the outage.
   */
  recovered(): void {
    if (!this.down || this.failedSinceConnect) return;
    this.down = false;
    addBreadcrumb({
      category: 'redis',
      level: 'info',
      message: `Redis at ${this.host} is back after ${((Date.now() - this.since) / 1000).toFixed(1)} s`,
      data: { 'redis.host': this.host, failures: this.failures },
    });
  }
}

function captureOutage(error: { message?: unknown }, code: string, host: string): void {
  const detail = withoutCredentials(String(error.message ?? '')).slice(0, 200);
  const captured = new RedisConnectionError(
    `Redis at ${host} ${describeOutage(code)} (${detail})`,
    code,
    host,
  );
  withScope((scope) => {
    scope.setTags({ 'redis.host': host, 'redis.error': code });
    scope.setFingerprint(['redis-connection-error', host]);
    scope.setLevel('error');
    captureException(captured, { mechanism: { type: ORIGIN, handled: true } });
  });
}
