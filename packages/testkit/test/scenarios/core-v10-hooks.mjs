const source = new URL('../../src/', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@sentry/core' && context.parentURL?.startsWith(source))
    return nextResolve('@sentry/core-v10', context);
  return nextResolve(specifier, context);
}
