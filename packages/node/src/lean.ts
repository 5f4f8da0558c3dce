import { subscribe } from 'node:diagnostics_channel';
import { errorMonitor } from 'node:events';
import * as http from 'node:http';
import type { Client, Integration, SpanAttributes, StreamedSpanJSON } from '@sentry/core';
import { defineIntegration, isTracingSuppressed } from '@sentry/core';
import * as coreServer from '@sentry/core/server';

/** How `init()` runs `@sentry/node`: all of its instrumentation, or only what is cheap per request. */
export type Mode = 'standard' | 'lean';

const CLIENT_REQUEST_CHANNEL = 'http.client.request.created';

type ServerExports = Partial<typeof coreServer>;

/** Node publishes outgoing requests on a diagnostics channel from 22.12 and 23.2 on. */
function hasClientRequestChannel(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 2) || (major === 22 && minor >= 12);
}

/**
 * Outgoing `node:http(s)` requests only: breadcrumbs, `sentry-trace`/`baggage` headers, and spans
 * in sampled traces. Built on `@sentry/core/server` of Sentry 11; undefined on 10, which lacks it.
 */
function outgoingHttpIntegration(server: ServerExports = coreServer): Integration | undefined {
  const { getHttpClientSubscriptions, patchHttpModuleClient } = server;
  if (!getHttpClientSubscriptions || !patchHttpModuleClient) return undefined;
  return defineIntegration(() => ({
    name: 'FaultlineOutgoingHttp',
    setupOnce() {
      const options = {
        breadcrumbs: true,
        spans: true,
        tracePropagation: true,
        ignoreOutgoingRequests: () => isTracingSuppressed(), // the SDK's own requests
        errorMonitor,
        http,
      };
      if (!hasClientRequestChannel()) patchHttpModuleClient(http, options);
      else subscribe(CLIENT_REQUEST_CHANNEL, getHttpClientSubscriptions(options)[CLIENT_REQUEST_CHANNEL]);
    },
  }))();
}

type SegmentHook = (span: StreamedSpanJSON, client: Client) => void;

/**
 * The Context integration, reading the process's memory for root spans at most once a second:
 * on every sampled root span it is a tenth of the CPU of a traced request.
 */
function throttledContext(context: Integration, everyMs = 1_000): Integration {
  const hook = (context as { processSegmentSpan?: SegmentHook }).processSegmentSpan;
  if (!hook) return context;
  let readAt = 0;
  let added: SpanAttributes | undefined;
  const processSegmentSpan: SegmentHook = (span, client) => {
    const now = Date.now();
    if (added && now - readAt < everyMs) {
      span.attributes = { ...added, ...span.attributes }; // what the span has already wins
      return;
    }
    const before = new Set(Object.keys(span.attributes ?? {}));
    hook.call(context, span, client);
    added = Object.fromEntries(
      Object.entries(span.attributes ?? {}).filter(([key]) => !before.has(key)),
    ) as SpanAttributes;
    readAt = now;
  };
  return { ...context, processSegmentSpan } as Integration;
}

/**
 * The default integrations of lean mode: without the HTTP server and Express instrumentation
 * (requests are scoped and traced by `@faultline/express`'s `requestHandler`, a span only for
 * sampled requests), with outgoing HTTP kept, and the memory read of root spans throttled. On
 * Sentry 10, whose HTTP instrumentation cannot be split, only Express's is dropped.
 */
export function leanDefaults(defaults: readonly Integration[], server?: ServerExports): Integration[] {
  const outgoing = outgoingHttpIntegration(server);
  const kept = defaults
    .filter((integration) => integration.name !== 'Express' && (integration.name !== 'Http' || !outgoing))
    .map((integration) => (integration.name === 'Context' ? throttledContext(integration) : integration));
  return outgoing ? [...kept, outgoing] : kept;
}
