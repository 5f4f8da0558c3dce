import type { Event } from '@sentry/core';
import { expect, it } from 'vitest';
import { startApp } from './support/app.js';
import { MAX_ELD_P99_MS, MAX_PEAK_RSS_GROWTH_MB, MAX_RETAINED_HEAP_GROWTH_MB } from './support/bounds.js';
import {
  LOAD_CONCURRENCY,
  SENTRY_DOWN_MS,
  SENTRY_RATE_LIMITED_MS,
  SENTRY_UNAVAILABLE_MS,
  SOAK,
  TEST_TIMEOUT_MS,
} from './support/durations.js';
import { normalStatus, startLoad } from './support/load.js';
import { sleep } from './support/processes.js';
import { useReceiver } from './support/receiver.js';

/** Every n-th request of the load fails (the rest are /ok): a steady stream of error events. */
const FAIL_EVERY = 4;
/** Marker errors sent after Sentry is back, each of which must arrive. */
const MARKERS = 5;

const sentry = useReceiver();

const exceptionValue = (event: Event) => event.exception?.values?.at(-1)?.value ?? '';

/** Sends one failing request per marker and waits until the receiver has an event for each. */
async function markersArrive(base: string, prefix: string): Promise<void> {
  const markers = Array.from({ length: MARKERS }, (_, index) => `${prefix}-${index}`);
  for (const marker of markers)
    expect((await fetch(`${base}/fail/Marker?marker=${marker}`)).status).toBe(500);
  await sentry.current.waitFor(
    (sent) =>
      markers.every((marker) =>
        sent.events().some((event) => exceptionValue(event).includes(`marker=${marker}`)),
      ),
    { timeoutMs: 20_000 },
  );
}

it(
  'Sentry answers 429 with Retry-After and X-Sentry-Rate-Limits, then 503, then is down: the app keeps serving, memory stays bounded, events resume',
  async () => {
    const app = await startApp({ SENTRY_DSN: sentry.current.dsn, SENTRY_ENVIRONMENT: 'faults' });
    await markersArrive(app.url, 'before'); // the pipeline works before the outage
    const before = await app.stats({ reset: true, gc: true });

    const load = startLoad({
      base: app.url,
      path: (n) => (n % FAIL_EVERY === 0 ? '/fail/Outage' : '/ok'),
      expected: normalStatus,
      concurrency: LOAD_CONCURRENCY,
    });
    const seconds = String(Math.ceil(SENTRY_RATE_LIMITED_MS / 1000));
    await sentry.current.respondWith({
      status: 429,
      headers: { 'retry-after': seconds, 'x-sentry-rate-limits': `${seconds}::organization` },
    });
    await sleep(SENTRY_RATE_LIMITED_MS);
    const rejectedWhileLimited = await sentry.current.rejected();
    const samples = [await app.stats()];

    await sentry.current.respondWith({ status: 503 });
    await sleep(SENTRY_UNAVAILABLE_MS);
    const rejectedWhenUnavailable = (await sentry.current.rejected()) - rejectedWhileLimited;
    samples.push(await app.stats());

    await sentry.current.stop();
    await sleep(SENTRY_DOWN_MS);
    const during = await app.stats({ reset: true });
    // what the process holds at the end of the outage: nothing queued without bound
    const retained = await app.stats({ gc: true });
    const eventsBeforeRestart = (await sentry.current.events()).length;
    await sentry.current.reset();
    await sentry.current.restart();

    await markersArrive(app.url, 'after'); // events resume, under the same load
    const served = await load.stop();
    const after = await app.stats();
    const resumed = (await sentry.current.events()).length;
    const closed = await app.close();

    const growth = Math.max(...[...samples, during, after].map((sample) => sample.rssMb)) - before.rssMb;
    const heapGrowth = retained.heapUsedMb - before.heapUsedMb;
    console.log(
      `[faults] sentry-outage${SOAK ? ' (soak)' : ''}: 429 ${SENTRY_RATE_LIMITED_MS / 1000} s / 503 ` +
        `${SENTRY_UNAVAILABLE_MS / 1000} s / down ${SENTRY_DOWN_MS / 1000} s; ${served.sent} requests ` +
        `(${JSON.stringify(served.byStatus)}), RSS ${before.rssMb.toFixed(0)} -> ${during.rssMb.toFixed(0)} -> ` +
        `${after.rssMb.toFixed(0)} MB (peak +${growth.toFixed(0)} MB), heap after GC ${before.heapUsedMb.toFixed(0)} -> ` +
        `${retained.heapUsedMb.toFixed(0)} MB at the end of the outage, ELD p99 ${during.eldP99Ms.toFixed(1)} ms ` +
        `(max ${during.eldMaxMs.toFixed(0)} ms), envelopes rejected: ${rejectedWhileLimited} while rate-limited, ` +
        `${rejectedWhenUnavailable} with 503; ${eventsBeforeRestart} events recorded before the restart, ` +
        `${resumed} after it`,
    );
    // the app kept serving: every request got its normal answer, none hung
    expect(served.unexpected.slice(0, 5)).toEqual([]);
    expect(served.byStatus['fail 500']).toBeGreaterThan(0);
    // the SDK honoured the rate limit: it stopped sending during the window...
    expect(rejectedWhileLimited).toBeGreaterThan(0);
    // ...and sent again after it: the 503s answered envelopes sent after the window
    expect(rejectedWhenUnavailable).toBeGreaterThan(0);
    expect(growth).toBeLessThan(MAX_PEAK_RSS_GROWTH_MB);
    expect(heapGrowth).toBeLessThan(MAX_RETAINED_HEAP_GROWTH_MB);
    expect(during.eldP99Ms).toBeLessThan(MAX_ELD_P99_MS);
    expect(resumed).toBeGreaterThanOrEqual(MARKERS);
    expect(closed).toMatchObject({ code: 0, closed: true });
  },
  TEST_TIMEOUT_MS,
);
