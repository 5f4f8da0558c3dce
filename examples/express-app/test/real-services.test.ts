import { assertNoSecrets, type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../src/demo.js';
import { RUN_TIMEOUT_MS, standInEnv } from './helpers.js';

// With SENTRY_DSN set the demo starts no stand-ins and sends where the settings say. A loopback
// receiver plays "your Sentry" here; the demo does not know it is one.
describe('pnpm demo with SENTRY_DSN set', () => {
  let sentry: LoopbackReceiver;
  let result: DemoResult;

  beforeAll(async () => {
    sentry = await startLoopbackReceiver();
    result = await runDemo({
      packages: 'source',
      env: { ...standInEnv(), SENTRY_DSN: sentry.dsn },
      redis: false,
    });
  }, RUN_TIMEOUT_MS);

  afterAll(() => sentry?.close());

  it('holds, judged by what the server says it sent', () => {
    expect(result.failures, result.report).toEqual([]);
    expect(result.mode).toBe('real');
    expect(result.wire).toBeUndefined();
    expect(result.slackPosts).toEqual([]);
  });

  it('sent every event to that DSN, scrubbed, and names their ids in the report', async () => {
    const events = await sentry.events();
    expect(events.map((event) => event.event_id).sort()).toEqual(
      result.explanations.map((each) => each.eventId).sort(),
    );
    assertNoSecrets(await sentry.envelopes(), result.secrets);
    for (const { eventId } of result.explanations) expect(result.report).toContain(eventId);
    expect(result.report).toContain(`Sentry: 127.0.0.1:${sentry.port} (your SENTRY_DSN)`);
  });
});
