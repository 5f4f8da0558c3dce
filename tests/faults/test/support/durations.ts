/**
 * Every duration of the fault suite, in milliseconds. CI runs the short variants; `FAULTS_SOAK=1`
 * runs the ones the issue names (Slack 429 for 30 s, an error storm of 60 s, 100k fuzz values…).
 */
export const SOAK = process.env.FAULTS_SOAK === '1';

const pick = (ci: number, soak: number): number => (SOAK ? soak : ci);

/** Sentry ingest: how long it answers 429 (with Retry-After), then 503, then is down. */
export const SENTRY_RATE_LIMITED_MS = pick(4_000, 30_000);
export const SENTRY_UNAVAILABLE_MS = pick(3_000, 30_000);
export const SENTRY_DOWN_MS = pick(3_000, 30_000);

/** Slack: how long the webhook answers 429 before it recovers. */
export const SLACK_RATE_LIMITED_MS = pick(5_000, 30_000);

/**
 * SMTP: how long the server is down. The email notifier gives up after 5 retries, which wait at
 * least 0.5 + 1 + 2 + 4 + 8 = 15.5 s in all (README of @faultline/notify-email): an outage
 * longer than that may lose the email, so the soak variant stays below it.
 */
export const SMTP_DOWN_MS = pick(4_000, 12_000);

/** Redis: how long it is down (killed with -9) in the middle of the burst. */
export const REDIS_DOWN_MS = pick(2_000, 15_000);

/** Error storm: how long every request throws, at full load. */
export const STORM_MS = pick(10_000, 60_000);

/**
 * Fuzz: generated values per target, 10k in all on CI and 100k in the soak. Measured on the 2-core
 * machine: scrubValue about 0.5 ms a value, fingerprint (fingerprint, explain, then scrubEvent of
 * a whole hostile event) about 5 ms, loadConfig about 0.2 ms; 100k in all would take minutes.
 */
export const FUZZ_RUNS = {
  scrubValue: pick(4_000, 40_000),
  fingerprint: pick(2_000, 20_000),
  loadConfig: pick(4_000, 40_000),
} as const;

/** Fuzz: a target that has not finished by then hangs (a hang detector, not a speed limit). */
export const FUZZ_WATCHDOG_MS = pick(120_000, 900_000);

/** Concurrent requests the load loops keep in flight. */
export const LOAD_CONCURRENCY = 16;

/** How long one test may take before vitest fails it (a hang detector, not a speed limit). */
export const TEST_TIMEOUT_MS = pick(90_000, 1_000_000);
