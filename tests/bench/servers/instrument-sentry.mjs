// `node --import ./instrument-sentry.mjs server.mjs`: @sentry/node 11 as its docs set it up, with the
// DSN and the trace rate from the environment and every other option at its default.
import * as Sentry from '@sentry/node';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE ?? '0'),
});
