import { RateLimitError } from './errors.js';

/** Allows `limit` attempts per key in each window of `windowMs`; the next one throws a `RateLimitError`. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    check(key: string): void {
      const time = now();
      const window = windows.get(key);
      if (!window || time - window.startedAt >= windowMs) {
        windows.set(key, { startedAt: time, count: 1 });
        return;
      }
      window.count += 1;
      if (window.count > limit) {
        const retryAfter = Math.ceil((window.startedAt + windowMs - time) / 1000);
        throw new RateLimitError(`Too many login attempts, retry in ${retryAfter} s`, retryAfter);
      }
    },
  };
}
