// Preloaded with `node --import ./instrument.ts server.ts`: Faultline starts before the app's first
// import, configured by the environment alone (SENTRY_DSN, SENTRY_SLACK_WEBHOOK_URL, SMTP_URL,
// SENTRY_ALERT_REDIS_URL…), as the README of @faultline/node recommends. The one addition in code
// is the one @faultline/ioredis's README asks for: @sentry/node's own Redis integration is left
// out, so the Redis spans are @faultline/ioredis's (which never send values).
import { init } from '@faultline/node';

export const faultline = init({
  sentryOptions: {
    integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Redis'),
  },
});
