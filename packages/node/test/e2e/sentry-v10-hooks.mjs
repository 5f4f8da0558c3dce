// Module hooks: our packages' imports of @sentry/node and @sentry/core resolve to version 10 (the
// `-v10` npm aliases), as they would in an app on @sentry/node 10.
const packages = new URL('../../../', import.meta.url).href;
const REDIRECT = { '@sentry/node': '@sentry/node-v10', '@sentry/core': '@sentry/core-v10' };

function ours(parentURL) {
  return parentURL?.startsWith(packages) && !parentURL.includes('/node_modules/');
}

export async function resolve(specifier, context, nextResolve) {
  const target = REDIRECT[specifier];
  if (target && ours(context.parentURL)) return nextResolve(target, context);
  return nextResolve(specifier, context);
}
