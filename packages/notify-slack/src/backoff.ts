import type { BackoffOptions } from './types.js';

/** The longest `Retry-After` honoured: a longer one is shortened to this (10 minutes). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * The delay before retry number `retry` (0 for the first): capped exponential backoff with
 * "equal jitter" — half of `min(capMs, baseMs · 2^retry)` plus a random part of the other half,
 * so that retries spread out but never come sooner than half the nominal delay.
 */
export function backoffDelay(retry: number, { baseMs, capMs }: BackoffOptions, random = Math.random): number {
  const nominal = Math.min(capMs, baseMs * 2 ** Math.min(retry, 30));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/**
 * A `Retry-After` header as milliseconds to wait: seconds (`1`, `30`) or an HTTP date; undefined
 * when it is missing or unreadable. Capped at {@link MAX_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = /^[a-z]{3}, /i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}
