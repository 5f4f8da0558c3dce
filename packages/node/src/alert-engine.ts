import {
  type AlertEngine,
  type AlertStore,
  createAlertEngine,
  type Notifier,
  redisStore,
} from '@faultline/alerts';
import type { AlertsConfig } from '@faultline/config';
import { type LogLine, messageOf } from './log.js';
import { notifiersFrom } from './notifiers.js';

/** What `init()` lets you add to the alerts the config describes. */
export interface AlertAdditions {
  /** Notifiers besides the Slack and email ones the config turns on. */
  notifiers?: readonly Notifier[];
  /** A store of your own; default: Redis at `SENTRY_ALERT_REDIS_URL`, else in memory. */
  store?: AlertStore;
}

/** The alert engine the config describes: burst and error-rate rules, Slack and email, memory or Redis. */
export function alertEngineFrom(config: AlertsConfig, additions: AlertAdditions, log: LogLine): AlertEngine {
  const store =
    additions.store ?? (config.redisUrl === undefined ? undefined : redisStore({ url: config.redisUrl }));
  let lastFailure = '';
  return createAlertEngine({
    notifiers: [...notifiersFrom(config, log), ...(additions.notifiers ?? [])],
    ...(store === undefined ? {} : { store }),
    burst: { threshold: config.criticalThreshold, windowMs: config.criticalWindowMs },
    errorRate: {
      threshold: config.errorRateThreshold,
      minRequests: config.errorRateMinRequests,
      windowMs: config.criticalWindowMs,
    },
    repeatIntervalMs: config.repeatIntervalMs,
    onError(error, context) {
      // a store that is down fails every tick: say it once until the failure changes
      const line = `alerts: ${context.phase}${context.notifier ? ` (${context.notifier})` : ''} failed: ${messageOf(error)}`;
      if (line !== lastFailure) log(line);
      lastFailure = line;
    },
  });
}
