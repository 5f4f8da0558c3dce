// `--import ./sentry-v10.mjs`: run the app on @sentry/node 10 (see sentry-v10-hooks.mjs).
import { register } from 'node:module';

register('./sentry-v10-hooks.mjs', import.meta.url);
