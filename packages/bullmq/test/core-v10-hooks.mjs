// Module hooks for the @sentry/node 10 runs of app.mjs: this package's own imports of
// `@sentry/core` (in src/) resolve to the `@sentry/core-v10` alias, as they would in an app on
// Sentry 10. Imports from inside node_modules (the SDK's own) are left alone.
export async function resolve(specifier, context, next) {
  if (specifier === '@sentry/core' && !context.parentURL?.includes('/node_modules/'))
    return next('@sentry/core-v10', context);
  return next(specifier, context);
}
