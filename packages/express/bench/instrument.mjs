// `--import ./instrument.mjs`: @sentry/node 11 as its docs set it up (errors only), before Express
// is loaded, so its Express instrumentation is active.
import * as Sentry from '@sentry/node';

Sentry.init({ dsn: 'http://public@127.0.0.1:9/1', tracesSampleRate: 0 });
