// Loaded before the app with `node --import tsx --import ./src/instrument.ts src/server.ts`, so
// that @sentry/node 11 can instrument Express, http and fetch as they are loaded.
import { SENTRY_REDIS_INTEGRATION } from '@faultline/ioredis';
import { init } from '@faultline/node';

/**
 * Sentry with Faultline's pipeline, every setting from the environment (`SENTRY_DSN`, alerts,
 * scrubbing, grouping: see `@faultline/config`). Sentry's own Redis integration is left out: it
 * would send the arguments of BullMQ's scripts, job data included; `@faultline/ioredis` traces
 * the app's client with values hidden instead. (Logs need no `enableLogs` in @sentry/node 11: they
 * are on by default.)
 */
export const faultline = init({
  sentryOptions: {
    integrations: (defaults) =>
      defaults.filter((integration) => integration.name !== SENTRY_REDIS_INTEGRATION),
  },
});
