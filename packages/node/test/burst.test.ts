import { assertNoSecrets, type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from './e2e/run.js';
import { type SlackRecorder, startSlackRecorder } from './e2e/slack-recorder.js';

let slack: SlackRecorder;
let receiver: LoopbackReceiver;
beforeAll(async () => {
  slack = await startSlackRecorder();
  receiver = await startLoopbackReceiver();
});
afterAll(() => Promise.all([slack.close(), receiver.close()]));
beforeEach(() => {
  slack.posts.length = 0;
});

describe('without SENTRY_DSN', () => {
  it('says once that Sentry is disabled, and a burst still alerts on Slack, scrubbed', async () => {
    const { report, stderr, code } = await run('burst.mjs', {
      env: {
        SENTRY_SLACK_WEBHOOK_URL: slack.webhookUrl,
        SENTRY_CRITICAL_ERROR_THRESHOLD: '3',
        BURST_SIZE: '6',
      },
    });
    expect(code).toBe(0);
    expect(report).toEqual({ closed: true });
    expect(stderr.trim().split('\n')).toEqual([
      '[faultline] SENTRY_DSN is not set: Sentry is disabled. Scrubbing, grouping and alerts still run.',
    ]);
    expect(slack.posts).toHaveLength(1);
    expect(JSON.stringify(slack.posts[0])).toContain('card [Filtered] declined for [Filtered]');
    assertNoSecrets(slack.posts, { card: '4111 1111 1111 1111', email: 'burst.user@example.com' });
  });
});

describe('a burst of one identical error, with Sentry enabled', () => {
  it("is counted in full although Sentry's Dedupe sends it once", async () => {
    const { report, code, stderr } = await run('burst.mjs', {
      env: {
        SENTRY_DSN: receiver.dsn,
        SENTRY_SLACK_WEBHOOK_URL: slack.webhookUrl,
        SENTRY_CRITICAL_ERROR_THRESHOLD: '3',
        BURST_SIZE: '6',
      },
    });
    expect(code, stderr).toBe(0);
    expect(report).toEqual({ closed: true });
    expect(await receiver.events()).toHaveLength(1); // Dedupe dropped the five repeats
    expect(slack.posts).toHaveLength(1);
    // without the counting Dedupe, one event would be counted and nothing would alert; the event
    // Sentry keeps may be counted after the alert went out (its processing reads source files)
    expect(JSON.stringify(slack.posts[0])).toMatch(/[56] events in 60 s/);
    assertNoSecrets(slack.posts, { card: '4111 1111 1111 1111', email: 'burst.user@example.com' });
  });
});
