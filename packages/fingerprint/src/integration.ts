import type { Event, EventHint, Integration } from '@sentry/core';
import { createFingerprinter } from './fingerprinter.js';
import type { Fingerprinter, FingerprinterOptions } from './types.js';

/** Options of {@link fingerprintIntegration}: fingerprinter options, or a fingerprinter you built. */
export interface FingerprintIntegrationOptions extends FingerprinterOptions {
  fingerprinter?: Fingerprinter;
}

/** A fingerprint set on purpose (`captureException(e, { fingerprint })`, scope) is kept. */
function hasOwnFingerprint(event: Event): boolean {
  const parts = event.fingerprint;
  return Array.isArray(parts) && parts.length > 0 && !(parts.length === 1 && parts[0] === '{{ default }}');
}

/**
 * A Sentry integration that sets `event.fingerprint` on error events from the rules, before the
 * event is scrubbed and sent. Events that already carry a fingerprint of their own keep it.
 *
 * @example
 * Sentry.init({ dsn, integrations: [fingerprintIntegration({ services: { 'api.stripe.com': 'stripe' } })] });
 */
export function fingerprintIntegration(options: FingerprintIntegrationOptions = {}): Integration {
  const { fingerprinter: given, ...rest } = options;
  const fingerprinter = given ?? createFingerprinter(rest);
  return {
    name: 'FaultlineFingerprint',
    processEvent(event: Event, hint: EventHint) {
      if (event.type !== undefined || hasOwnFingerprint(event)) return event;
      const fingerprint = fingerprinter.fingerprint(event, hint);
      if (fingerprint) event.fingerprint = fingerprint;
      return event;
    },
  };
}
