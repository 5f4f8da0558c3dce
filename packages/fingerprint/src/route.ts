import { parameterize } from './parameterize.js';

/** Path segments that are ids: numbers, UUIDs, long hex, ObjectIds, or mixed letters and digits. */
const ID_SEGMENT =
  /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,}|(?=[A-Za-z_-]*\d)[\w-]{16,256})$/i;

/** `/api/users/42/orders?x=1` → `/api/users/:id/orders`: the shape of a path, without ids or query. */
export function routeOf(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  return bare
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment.includes('@') ? ':id' : segment))
    .join('/');
}

/**
 * The endpoint of the failing request as `METHOD /route`: the transaction when Sentry named it
 * after a route template, else the request URL's path with ids replaced.
 */
export function endpointOf(
  transaction: string | undefined,
  method: string | undefined,
  url: string | undefined,
): string | undefined {
  if (transaction && /^[A-Z]{3,7} \//.test(transaction)) return routeOf(transaction);
  if (url) {
    let path = url;
    try {
      path = new URL(url, 'http://localhost').pathname;
    } catch {
      // keep the raw text; routeOf still strips ids
    }
    return `${method ? `${method.toUpperCase()} ` : ''}${routeOf(path)}`;
  }
  return transaction ? parameterize(transaction) : undefined;
}
