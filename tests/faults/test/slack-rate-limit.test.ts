import { expect, it } from 'vitest';
import { startApp } from './support/app.js';
import { SLACK_RATE_LIMITED_MS, SOAK, TEST_TIMEOUT_MS } from './support/durations.js';
import { normalStatus, startLoad } from './support/load.js';
import { sleep, waitUntil } from './support/processes.js';
import { useReceiver } from './support/receiver.js';
import { countBy, type SlackAnswer, startSlack } from './support/slack.js';

/** Between two groups' bursts: longer than the engine's batching wait (2 s), so each is its own alert. */
const BETWEEN_BURSTS_MS = 2_500;
/** Errors per burst: one more than the default threshold of 10 in 60 s. */
const BURST = 11;
/** How long the alerts may take to go out once Slack is back (rate limit 1/s, retries): a hang detector. */
const DELIVERY_DEADLINE_MS = 60_000;

const sentry = useReceiver();

/** Sends `BURST` failing requests of `group`, all answered 500. */
async function burst(base: string, group: string): Promise<void> {
  const load = startLoad({
    base,
    path: () => `/fail/${group}`,
    expected: normalStatus,
    concurrency: 4,
    count: BURST,
  });
  expect((await load.done).unexpected).toEqual([]);
}

/** The alert ids that the app logged as not delivered (`… SlackDeliveryError: Slack alert "<id>" not delivered …`). */
function givenUp(stderr: string): string[] {
  return [
    ...stderr.matchAll(/Slack alert not delivered: (?:SlackDeliveryError: )?Slack alert "([^"]+)"/g),
  ].map((match) => match[1]!);
}

/**
 * An app posts to a Slack stand-in that answers `limited(now)` until `SLACK_RATE_LIMITED_MS` have
 * passed, then 200. Meanwhile one group bursts every `BETWEEN_BURSTS_MS` (each its own alert), and
 * one more after Slack is back, under a light background load of /ok (which also makes the error
 * rate cross: one error-rate alert). Returns what Slack saw once every alert was delivered or given
 * up, and the app was closed (flushed).
 */
async function slackOutage(name: string, limited: (now: number, recoversAt: number) => SlackAnswer) {
  const slack = await startSlack();
  const app = await startApp({
    SENTRY_DSN: sentry.current.dsn,
    SENTRY_SLACK_WEBHOOK_URL: slack.webhookUrl,
    SENTRY_ENVIRONMENT: 'faults',
  });
  const recoversAt = Date.now() + SLACK_RATE_LIMITED_MS;
  slack.answerWith((now) => (now < recoversAt ? limited(now, recoversAt) : { status: 200, body: 'ok' }));
  const background = startLoad({ base: app.url, path: () => '/ok', expected: normalStatus, concurrency: 2 });

  const groups: string[] = [];
  for (let index = 0; index === 0 || Date.now() < recoversAt - BETWEEN_BURSTS_MS; index++) {
    groups.push(`Limited${index}`);
    await burst(app.url, `Limited${index}`);
    await sleep(BETWEEN_BURSTS_MS);
  }
  await waitUntil('Slack is back', () => Date.now() >= recoversAt, SLACK_RATE_LIMITED_MS + 1_000);
  groups.push('AfterRecovery');
  await burst(app.url, 'AfterRecovery');

  const attempted = () => [...new Set(slack.posts.map((post) => post.alertId))];
  const settled = () => {
    const delivered = countBy(slack.delivered(), (post) => post.alertId);
    const lost = new Set(givenUp(app.stderr()));
    const groupsSeen = groups.every((group) =>
      slack.posts.some((post) => post.body.includes(`Fault${group}Error`)),
    );
    return groupsSeen && attempted().every((id) => delivered[id] !== undefined || lost.has(id));
  };
  await waitUntil('every alert delivered or given up', settled, DELIVERY_DEADLINE_MS, () =>
    JSON.stringify({
      posts: slack.posts.map(({ status, alertId, kind }) => ({ status, alertId, kind })),
      stderr: app.stderr(),
    }),
  );
  const served = await background.stop();
  const closed = await app.close();
  await slack.close();

  const delivered = countBy(slack.delivered(), (post) => post.alertId);
  const lost = givenUp(app.stderr());
  console.log(
    `[faults] ${name}${SOAK ? ' (soak)' : ''}: ${SLACK_RATE_LIMITED_MS / 1000} s of 429, ${groups.length} burst groups, ` +
      `${attempted().length} alerts, ${Object.keys(delivered).length} delivered once ` +
      `(${slack
        .delivered()
        .map((post) => post.kind)
        .join(', ')}), ${lost.length} given up, ` +
      `${slack.posts.filter((post) => post.status === 429).length} posts answered 429 of ${slack.posts.length}, ` +
      `${served.sent} /ok requests served`,
  );
  expect(closed.code).toBe(0);
  expect(served.unexpected).toEqual([]);
  expect(slack.posts.some((post) => post.status === 429)).toBe(true);
  expect(attempted()).not.toContain('?');
  // none delivered twice, none both delivered and given up
  expect(Object.entries(delivered).filter(([, count]) => count !== 1)).toEqual([]);
  expect(lost.filter((id) => delivered[id] !== undefined)).toEqual([]);
  return { groups, attempted: attempted(), delivered, lost, posts: slack.posts };
}

it(
  'Slack answers 429 (Retry-After: until it recovers), then recovers: every alert arrives once, none twice',
  async () => {
    const { groups, attempted, delivered, lost, posts } = await slackOutage(
      'slack-429',
      (now, recoversAt) => ({
        status: 429,
        headers: { 'retry-after': String(Math.max(1, Math.ceil((recoversAt - now) / 1000))) },
        body: 'rate_limited',
      }),
    );
    expect(lost).toEqual([]);
    expect(Object.keys(delivered).sort()).toEqual([...attempted].sort());
    // one burst alert per group, and the error-rate alert: none lost, none repeated
    for (const group of groups)
      expect(
        posts.filter(
          (post) => post.status === 200 && post.kind === 'burst' && post.body.includes(`Fault${group}Error`),
        ),
        group,
      ).toHaveLength(1);
    expect(posts.filter((post) => post.status === 200 && post.kind === 'error-rate')).toHaveLength(1);
  },
  TEST_TIMEOUT_MS,
);

it(
  'Slack answers 429 with Retry-After: 1 throughout: every alert arrives once, none is given up',
  async () => {
    // A 429 does not use up the notifier's retries while maxRateLimitWaitMs (5 minutes) lasts,
    // however short its Retry-After (see the README of this suite).
    const { attempted, delivered, lost } = await slackOutage('slack-429-retry-after-1', () => ({
      status: 429,
      headers: { 'retry-after': '1' },
      body: 'rate_limited',
    }));
    expect(lost).toEqual([]);
    expect(Object.keys(delivered).sort()).toEqual([...attempted].sort());
  },
  TEST_TIMEOUT_MS,
);
