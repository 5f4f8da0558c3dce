// `node --import ./instrument.mjs app.mjs`: Sentry is initialized before Express is loaded, so
// @sentry/node's own Express instrumentation works (it captures errors itself).
import { initSentry, loadSentry } from './sentry.mjs';

initSentry(await loadSentry());
