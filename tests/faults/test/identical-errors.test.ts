import { expect, it } from 'vitest';
import { startApp } from './support/app.js';
import { TEST_TIMEOUT_MS } from './support/durations.js';
import { normalStatus, startLoad } from './support/load.js';
import { useReceiver } from './support/receiver.js';
import { startSlack } from './support/slack.js';

/** More than the default threshold of 10 in 60 s. */
const BURST = 15;

const sentry = useReceiver();

/**
 * A storm is usually one error thrown from one place with one message. @sentry/node's default
 * Dedupe integration drops every error identical to the one sent just before it; before
 * `@faultline/node` counted what Dedupe drops (src/dedupe.ts), such a burst reached the alerts
 * once and never alerted (found by this suite: tests/faults/README.md, "Findings").
 */
it(
  'a burst of identical errors, which Sentry deduplicates, still alerts once with every error counted',
  async () => {
    const slack = await startSlack();
    const app = await startApp({
      SENTRY_DSN: sentry.current.dsn,
      SENTRY_SLACK_WEBHOOK_URL: slack.webhookUrl,
      SENTRY_ENVIRONMENT: 'faults',
    });
    const load = startLoad({
      base: app.url,
      path: () => '/fail/Same?same=1',
      expected: normalStatus,
      concurrency: 1,
      count: BURST,
    });
    expect((await load.done).unexpected).toEqual([]);
    const closed = await app.close(); // flushes Sentry and the alerts: a waiting alert goes out now
    await slack.close();

    const events = (await sentry.current.events()).filter((event) =>
      event.exception?.values?.some((value) => value.type === 'FaultSameError'),
    );
    const discarded = (await sentry.current.items('client_report')).flatMap(
      (report) =>
        (report as { discarded_events?: Array<{ reason: string; quantity: number }> }).discarded_events ?? [],
    );
    const byDedupe = discarded
      .filter((entry) => entry.reason === 'event_processor')
      .reduce((sum, entry) => sum + entry.quantity, 0);
    const counted = slack.posts.map((post) => /\*(\d+) events/.exec(post.body)?.[1]);
    console.log(
      `[faults] identical-errors: ${BURST} identical errors -> ${events.length} event(s) sent, ${byDedupe} ` +
        `dropped by Dedupe, ${slack.posts.length} Slack post(s) counting ${counted.join(', ')} events`,
    );
    expect(closed.code).toBe(0);
    // Sentry's own deduplication is kept: one event is sent...
    expect(events).toHaveLength(1);
    expect(byDedupe).toBe(BURST - 1);
    // ...and the alert counts them all
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]!.kind).toBe('burst');
    expect(counted).toEqual([String(BURST)]);
  },
  TEST_TIMEOUT_MS,
);
