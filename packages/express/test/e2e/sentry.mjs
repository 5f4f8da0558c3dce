// Sentry and alert setup shared by app.mjs and instrument.mjs (one module instance per process).
// Env:  SENTRY_DSN           the receiver's DSN (required; @faultline/testkit's loopback receiver)
//       SENTRY_SDK           node (default, @sentry/node 11) or node-v10 (the @sentry/node-v10 alias)
//       TRACES               tracesSampleRate (default 1)
//       ALERT_MIN_REQUESTS   the error-rate rule's minRequests (default 10)
import { alertsIntegration, createAlertEngine } from '@faultline/alerts';

const dsn = process.env.SENTRY_DSN;
if (!dsn) throw new Error('SENTRY_DSN is required');
export const sdk = process.env.SENTRY_SDK ?? 'node';

/** A real notifier that keeps every alert. */
export const notifier = {
  name: 'recording',
  alerts: [],
  async notify(alert) {
    this.alerts.push(structuredClone(alert));
  },
};

/** A real alert engine: only the error-rate rule, any rate above 1 % once minRequests are in. */
export const engine = createAlertEngine({
  notifiers: [notifier],
  burst: false,
  errorRate: { threshold: 0.01, minRequests: Number(process.env.ALERT_MIN_REQUESTS ?? 10) },
  batchWaitMs: 0,
  tickMs: 20,
});

/** What requestHandler is given: counts its calls, then feeds the engine. */
export const counter = {
  calls: 0,
  recordRequests(count) {
    this.calls++;
    engine.recordRequests(count);
  },
};

export function loadSentry() {
  return import(sdk === 'node-v10' ? '@sentry/node-v10' : '@sentry/node');
}

export function initSentry(Sentry) {
  Sentry.init({
    dsn,
    tracesSampleRate: Number(process.env.TRACES ?? 1),
    release: 'express-e2e@1.0.0',
    environment: 'e2e',
    integrations: [alertsIntegration({ engine })],
    // Everything on and no scrubIntegration: the adapter's scrubber is all that stands between the
    // request data of an error event and the wire.
    dataCollection: {
      userInfo: true,
      cookies: true,
      httpHeaders: { request: true, response: true },
      httpBodies: ['incomingRequest'],
      urlQueryParams: true,
    },
  });
}
