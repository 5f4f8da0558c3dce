import { type Client, getClient, type Span, spanToJSON } from '@sentry/core';
import { ORIGIN } from './spans.js';

/** The name of `@sentry/node`'s own Redis integration, in version 10 and 11 alike. */
export const SENTRY_REDIS_INTEGRATION = 'Redis';

let probing = 0;
let foreign = false;
const hooked = new WeakSet<Client>();

/** A Redis span someone else (Sentry's integration, an OpenTelemetry instrumentation) started. */
function isForeignRedisSpan(span: Span): boolean {
  // v11 serializes attributes as `attributes`, v10 as `data`
  const json = spanToJSON(span) as {
    data?: Record<string, unknown>;
    attributes?: Record<string, unknown>;
    origin?: unknown;
  };
  const attributes = json.attributes ?? json.data ?? {};
  const system = attributes['db.system.name'] ?? attributes['db.system'];
  const origin = json.origin ?? attributes['sentry.origin'];
  return system === 'redis' && origin !== ORIGIN;
}

function listen(client: Client): void {
  if (hooked.has(client)) return;
  hooked.add(client);
  client.on('spanStart', (span) => {
    if (probing > 0 && !foreign && isForeignRedisSpan(span)) foreign = true;
  });
}

/** The current Sentry client, when `@sentry/node`'s Redis integration is installed on it. */
export function clientWithRedisIntegration(): Client | undefined {
  const client = getClient();
  return client?.getIntegrationByName(SENTRY_REDIS_INTEGRATION) === undefined ? undefined : client;
}

/**
 * Runs `send` (which hands a command to ioredis) and tells whether another instrumentation started
 * a Redis span meanwhile. Sentry's integration starts its span synchronously when the command is
 * sent, so this tells whether it is live for this client, not merely installed.
 */
export function probe<T>(client: Client, send: () => T): { result: T; foreign: boolean } {
  listen(client);
  const outer = foreign;
  foreign = false;
  probing++;
  try {
    const result = send();
    return { result, foreign };
  } finally {
    probing--;
    foreign = outer;
  }
}
