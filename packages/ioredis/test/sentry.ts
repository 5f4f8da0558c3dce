import {
  type Breadcrumb,
  createStackParser,
  type Event,
  getCurrentScope,
  getIsolationScope,
  type Integration,
  setCurrentClient,
} from '@sentry/core';
import { ServerRuntimeClient } from '@sentry/core/server';

/** What an in-process Sentry client recorded. */
export interface Recorded {
  client: ServerRuntimeClient;
  events: Event[];
  transactions: Event[];
  /** Every breadcrumb added to the isolation scope since init. */
  breadcrumbs(): Breadcrumb[];
  /** The spans of every transaction (not the roots), as `[name, op, data]`. */
  childSpans(): Array<{ name: string; op?: string; data: Record<string, unknown>; status?: string }>;
}

/**
 * A bare @sentry/core 11 client (no @sentry/node, no HTTP), recording events and transactions in
 * memory. Its default async context is a stack: commands must be sent synchronously in a span's
 * callback to be inside it.
 */
export function initSentry(
  options: { integrations?: Integration[]; tracesSampleRate?: number } = {},
): Recorded {
  const events: Event[] = [];
  const transactions: Event[] = [];
  getCurrentScope().clearBreadcrumbs();
  getIsolationScope().clearBreadcrumbs();
  const client = new ServerRuntimeClient({
    dsn: 'http://public@127.0.0.1:9/1',
    tracesSampleRate: options.tracesSampleRate ?? 1,
    traceLifecycle: 'static',
    integrations: options.integrations ?? [],
    stackParser: createStackParser(),
    transport: () => ({ send: async () => ({}), flush: async () => true }),
    beforeSend: (event) => {
      events.push(event);
      return null;
    },
    beforeSendTransaction: (event) => {
      transactions.push(event);
      return null;
    },
  });
  setCurrentClient(client);
  client.init();
  return {
    client,
    events,
    transactions,
    breadcrumbs: () => getIsolationScope().getScopeData().breadcrumbs,
    childSpans: () =>
      transactions.flatMap((event) =>
        (event.spans ?? []).map((span) => ({
          name: span.description ?? '',
          op: span.op,
          data: span.data ?? {},
          status: span.status,
        })),
      ),
  };
}
