import { type AlertEngine, alertsIntegration } from '@faultline/alerts';
import type { FaultlineConfig } from '@faultline/config';
import { createFingerprinter, type Fingerprinter, fingerprintIntegration } from '@faultline/fingerprint';
import { createPseudonymizer, createScrubber, type Scrubber, scrubIntegration } from '@faultline/scrub';
import type { Integration } from '@sentry/core';
import { type DroppedCounter, droppedCounter } from './dedupe.js';

/** The pure cores `init()` builds from the config. */
export interface Cores {
  scrubber: Scrubber;
  pseudonymize: ((value: string) => string) | undefined;
  fingerprinter: Fingerprinter;
}

/** The scrubber and fingerprinter the config describes (built even when switched off, for helpers). */
export function coresFrom(config: FaultlineConfig): Cores {
  const { scrub, fingerprint } = config;
  const pseudonymize = scrub.pseudonymKey === undefined ? undefined : createPseudonymizer(scrub.pseudonymKey);
  const scrubber = createScrubber({
    keys: scrub.extraKeys,
    allowKeys: scrub.allowKeys,
    allowPaths: scrub.allowPaths,
    detectors: Object.fromEntries(scrub.disabledDetectors.map((name) => [name, false])),
    ...(pseudonymize === undefined ? {} : { pseudonymize }),
  });
  const fingerprinter = createFingerprinter({
    defaults: Object.fromEntries(fingerprint.disabledRules.map((name) => [name, false])),
    services: fingerprint.services,
  });
  return { scrubber, pseudonymize, fingerprinter };
}

/** The pipeline's integrations, and how an event Sentry drops as a duplicate is still counted. */
export interface Pipeline {
  integrations: Integration[];
  countDropped: DroppedCounter;
}

/**
 * The pipeline as integrations, in the order they must run: fingerprint (raw data in), then
 * scrub (every string, the fingerprint included; fails closed), then alerts (scrubbed events only).
 */
export function pipelineIntegrations(config: FaultlineConfig, cores: Cores, alerts: AlertEngine): Pipeline {
  const steps = [
    ...(config.fingerprint.enabled ? [fingerprintIntegration({ fingerprinter: cores.fingerprinter })] : []),
    ...(config.scrub.enabled
      ? [
          scrubIntegration({
            scrubber: cores.scrubber,
            ...(cores.pseudonymize === undefined ? {} : { pseudonymize: cores.pseudonymize }),
          }),
        ]
      : []),
  ];
  return {
    integrations: [...steps, alertsIntegration({ engine: alerts })],
    countDropped: droppedCounter(steps, alerts),
  };
}
