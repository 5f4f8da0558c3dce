/** What a load loop saw. */
export interface LoadResult {
  /** Requests sent. */
  sent: number;
  /** Responses by `<path kind> <status>`, e.g. `ok 200`, `fail 500`. */
  byStatus: Record<string, number>;
  /** Requests that got no response, or not the one their path should get: `<path> <what>`. */
  unexpected: string[];
}

export interface LoadOptions {
  /** The app's base URL. */
  base: string;
  /** The path of the n-th request (from 0). */
  path(n: number): string;
  /** The status each path must get: `/ok` 200, `/fail/…` 500. */
  expected(path: string): number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Stop after this many requests (default: until `stop()`). */
  count?: number;
}

/** A request that got no answer within this long counts as unexpected: a hang detector. */
const REQUEST_TIMEOUT_MS = 15_000;

const kindOf = (path: string): string => path.split('/')[1]?.split('?')[0] ?? path;

/**
 * Drives `concurrency` loops of plain `fetch` against the app until `count` requests were sent or
 * `stop()` is called, and checks that every response has the status its path should get. Bounded
 * in count (or by the caller's stop) and in time per request; only ever sends to `base`.
 */
export function startLoad(options: LoadOptions): { stop(): Promise<LoadResult>; done: Promise<LoadResult> } {
  const result: LoadResult = { sent: 0, byStatus: {}, unexpected: [] };
  let stopped = false;
  const limit = options.count ?? Number.POSITIVE_INFINITY;

  async function loop(): Promise<void> {
    while (!stopped && result.sent < limit) {
      const path = options.path(result.sent++);
      try {
        const response = await fetch(`${options.base}${path}`, {
          method: path.startsWith('/jobs/') ? 'POST' : 'GET',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        const key = `${kindOf(path)} ${response.status}`;
        result.byStatus[key] = (result.byStatus[key] ?? 0) + 1;
        if (response.status !== options.expected(path)) result.unexpected.push(`${path} ${response.status}`);
      } catch (error) {
        const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        result.unexpected.push(`${path} ${name}`);
      }
    }
  }

  const done = Promise.all(Array.from({ length: options.concurrency }, loop)).then(() => result);
  return {
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

/** `/ok` answers 200 and `/fail/…` 500: the app's normal responses. */
export function normalStatus(path: string): number {
  return path.startsWith('/fail/') ? 500 : 200;
}
