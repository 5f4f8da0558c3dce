// `--import ./core-v10.mjs`: the testkit's `@sentry/core` imports resolve to @sentry/core 10 (the
// `@sentry/core-v10` alias), as they would in an app on @sentry/node 10.
import { register } from 'node:module';

register('./core-v10-hooks.mjs', import.meta.url);
