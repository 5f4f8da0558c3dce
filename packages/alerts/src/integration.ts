import type { Client, Event, Integration } from '@sentry/core';
import { createAlertEngine } from './engine.js';
import type { AlertEngine, AlertEngineOptions } from './engine-options.js';

/** Options of {@link alertsIntegration}: an engine you created, or the options to create one. */
export type AlertsIntegrationOptions = { engine: AlertEngine } | AlertEngineOptions;

const INTEGRATION_NAME = 'FaultlineAlerts' as const;

/**
 * A Sentry integration that feeds every error event to an alert engine, at the last possible
 * place: the client's `beforeSendEvent` hook, registered after every integration was set up, so
 * it runs after every `processEvent`, after your `beforeSend`, and after `scrubIntegration`'s own
 * `beforeSendEvent` pass. Use it together with `scrubIntegration` so alerts carry scrubbed data only.
 * Events Sentry drops (sampling, `beforeSend` returning null) are not counted. The engine is
 * flushed on `Sentry.flush()` and, when the integration created it, closed on `Sentry.close()`.
 *
 * @example
 * Sentry.init({ dsn, integrations: [scrubIntegration(), alertsIntegration({ notifiers: [slack] })] });
 */
export function alertsIntegration(options: AlertsIntegrationOptions): Integration & { engine: AlertEngine } {
  const given =
    typeof options === 'object' && options !== null && 'engine' in options ? options.engine : undefined;
  const engine = given ?? createAlertEngine(options as AlertEngineOptions);
  let hooked = false;
  return {
    name: INTEGRATION_NAME,
    engine,
    afterAllSetup(client: Client) {
      if (hooked || typeof client?.on !== 'function') return;
      hooked = true;
      client.on('beforeSendEvent', (event) => engine.observe(event));
      client.on('flush', () => void engine.flush());
      client.on('close', () => void (given ? engine.flush() : engine.close()));
    },
    processEvent(event: Event) {
      // a client without hooks: count the event here (after the integrations listed before this one)
      if (!hooked) engine.observe(event);
      return event;
    },
  };
}
