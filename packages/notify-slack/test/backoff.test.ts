import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../src/backoff.js';

describe('backoff', () => {
  const defaults = { baseMs: 500, capMs: 30_000 };

  it('doubles from baseMs, with jitter in the upper half, capped at capMs', () => {
    const nominal = [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    nominal.forEach((ms, retry) => {
      expect(backoffDelay(retry, defaults, () => 0)).toBe(ms / 2);
      expect(backoffDelay(retry, defaults, () => 0.999_999)).toBe(ms);
    });
    expect(backoffDelay(1000, defaults, () => 1)).toBe(30_000);
  });

  it('spreads retries out', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, defaults)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2000);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and caps what it honours', () => {
    const now = Date.UTC(2024, 4, 1, 12, 0, 0);
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});
