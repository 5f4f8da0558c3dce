// Makes `@sentry/core` resolve to the `@sentry/core-v10` alias for this package's own code, as it
// would in an app that has @sentry/node 10 installed: the peer dependency is then core 10, the one
// @sentry/node 10 itself uses. Run as: node --import ./test/e2e/sentry-core-v10.mjs …
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === '@sentry/core' && context.parentURL?.includes('/packages/ioredis/src/'))
    return next('@sentry/core-v10', context);
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
