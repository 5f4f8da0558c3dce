import type { Client, PropagationContext } from '@sentry/core';
import {
  baggageHeaderToDynamicSamplingContext,
  getCurrentScope,
  hasSpansEnabled,
  propagationContextFromHeaders,
  setHttpStatus,
  shouldContinueTrace,
  startSpanManual,
} from '@sentry/core';
import type { ExpressRequest, ExpressResponse } from './types.js';

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The incoming trace when its `sentry-trace` header may be continued, else a new one. */
function incomingTrace(client: Client, req: ExpressRequest): PropagationContext {
  const sentryTrace = firstHeader(req.headers?.['sentry-trace']);
  if (!sentryTrace) return propagationContextFromHeaders(undefined, undefined);
  const baggage = req.headers?.baggage;
  const orgId = baggageHeaderToDynamicSamplingContext(baggage)?.org_id;
  return shouldContinueTrace(client, orgId)
    ? propagationContextFromHeaders(sentryTrace, baggage)
    : propagationContextFromHeaders(undefined, undefined);
}

/**
 * Whether the request is sampled, decided as the SDK would (the incoming decision, else the
 * sample rate against the trace's random number) but without creating a span. Undefined with a
 * `tracesSampler`: the SDK decides then, on a span.
 */
function sampled(client: Client, trace: PropagationContext): boolean | undefined {
  const options = client.getOptions();
  if (!hasSpansEnabled(options)) return false;
  if (options.tracesSampler) return undefined;
  if (typeof trace.sampled === 'boolean') return trace.sampled;
  return trace.sampleRand < Number(options.tracesSampleRate ?? 0);
}

/**
 * Traces a request that no Sentry HTTP server instrumentation saw (Faultline's lean mode): runs in
 * the incoming trace (or a new one) on the request's current scope, and only when the request is
 * sampled in an `http.server` span ended with the response. An unsampled request costs no span;
 * its outgoing requests carry the trace with the decision "not sampled".
 */
export function traceRequest(
  client: Client,
  req: ExpressRequest,
  res: ExpressResponse,
  run: () => void,
): void {
  const trace = incomingTrace(client, req);
  const decision = sampled(client, trace);
  getCurrentScope().setPropagationContext(trace);
  if (decision === false) {
    trace.sampled = false;
    run();
    return;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  startSpanManual(
    {
      name: method,
      op: 'http.server',
      attributes: {
        'sentry.origin': 'auto.http.faultline.express',
        'sentry.source': 'url',
        'http.request.method': method,
        'url.path': (req.originalUrl ?? req.url ?? '/').split('?')[0],
      },
    },
    (span) => {
      res.on('close', () => {
        setHttpStatus(span, res.statusCode);
        span.end();
      });
      run();
    },
  );
}
