import type { App, Payload } from './harness.js';

/** Secrets the requests carry; none may reach Sentry in an error event. */
export const SECRETS = {
  authorization: 'Bearer sk_live_51Hh2Ex9Tq3ZpA7fYw8uLmN',
  cookie: 'sess_4f9d2c7a1b8e6f30',
  apiKey: 'ak_7d1e9c3b5a2f8e6d',
  password: 'correct-horse-battery-staple',
  /** The email of the user app.mjs authenticates as `jane`. */
  email: 'jane.doe@example.com',
} as const;

const headers = {
  authorization: SECRETS.authorization,
  cookie: `session=${SECRETS.cookie}; theme=dark`,
  'x-test-user': 'jane',
};

/** The error each failing request raises, and the transaction it must be named after. */
export const FAILURES = [
  ['sync', 'user lookup failed for sync-1', 'GET /api/users/:id'],
  ['post', 'update failed for 2 fields', 'POST /api/users/:id'],
  ['async', 'async lookup failed for async-1', 'GET /api/async/:id'],
  ['next', 'next(error) for next-1', 'GET /api/next/:id'],
  ['unavailable', 'try again later', 'GET /api/unavailable/:id'],
  ['string', 'a string, not an Error', 'GET /api/string/:id'],
  ['top', 'top-level route failed for top-1', 'GET /top/:id'],
  ['subapp', 'report failed for subapp-1', 'GET /admin/reports/:id'],
] as const;

export type RequestName = (typeof FAILURES)[number][0] | 'teapot' | 'manual' | 'ok' | 'deliberate';

/** Sends the standard requests one after the other: eight 5xx errors, a 418, a handled error, a 200 and a deliberate 500. */
export async function sendAll(app: App): Promise<Record<RequestName, { status: number; body: Payload }>> {
  const get = (path: string) => app.request(path, { headers });
  return {
    sync: await get(`/api/users/sync-1?api_key=${SECRETS.apiKey}&page=2`),
    post: await app.request('/api/users/post-1', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jane', password: SECRETS.password }),
    }),
    async: await get('/api/async/async-1'),
    next: await get('/api/next/next-1'),
    unavailable: await get('/api/unavailable/503-1'),
    string: await get('/api/string/string-1'),
    top: await get('/top/top-1'),
    subapp: await get('/admin/reports/subapp-1'),
    teapot: await get('/api/teapot/teapot-1'),
    manual: await get('/api/manual/manual-1'),
    ok: await get('/api/ok/ok-1'),
    deliberate: await get('/api/deliberate'),
  };
}

/** How many requests `sendAll` sends. */
export const REQUEST_COUNT = 12;
