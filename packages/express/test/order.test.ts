/**
 * Middleware in the wrong order. The adapter warns once per process, and only when it cannot work:
 * errorHandler without requestHandler still captures; errorHandler registered before the routes
 * never sees their errors, which only @sentry/node's instrumentation (when it works) can catch.
 */
import {
  type EnvelopeViews,
  findSecrets,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  App,
  type AppEnvironment,
  type AppOptions,
  errorEvents,
  eventsAbout,
  recorded,
} from './e2e/harness.js';
import { SECRETS, sendAll } from './e2e/requests.js';

let receiver: LoopbackReceiver;
beforeAll(async () => {
  receiver = await startLoopbackReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

async function run(environment: AppEnvironment, options?: AppOptions) {
  await receiver.reset();
  const app = await App.start(receiver.dsn, environment, options);
  const responses = await sendAll(app);
  await app.stop();
  const warnings = app.stderr.split('\n').filter((line) => line.startsWith('[@faultline/express]'));
  return { responses, warnings, sent: await recorded(receiver) };
}

describe('errorHandler() without requestHandler()', () => {
  let result: { warnings: string[]; sent: EnvelopeViews };
  beforeAll(async () => {
    result = await run({ SETUP: 'error-handler-only' });
  });

  it('warns once, naming the fix', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('requestHandler() did not run for this request');
    expect(result.warnings[0]).toContain('app.use(requestHandler())');
  });

  it('still captures each error once, scrubbed, with the user; top-level routes keep their template', () => {
    expect(eventsAbout(result.sent, 'user lookup failed for sync-1')).toHaveLength(1);
    expect(eventsAbout(result.sent, 'top-level route failed for top-1')[0].transaction).toBe('GET /top/:id');
    expect(eventsAbout(result.sent, 'user lookup failed for sync-1')[0].user).toMatchObject({
      id: 'u-123',
    });
    expect(findSecrets(eventsAbout(result.sent, 'update failed for 2 fields'), SECRETS)).toEqual([]);
  });
});

describe.each(['express', 'express4'] as const)(
  '%s: errorHandler() registered before the routes',
  (EXPRESS) => {
    it('without @sentry/node instrumentation: the errors are lost, and one warning says why', async () => {
      const { responses, warnings, sent } = await run({ EXPRESS, SETUP: 'error-handler-first' });
      expect(responses.sync.status).toBe(500);
      expect(eventsAbout(sent, 'user lookup failed for sync-1')).toEqual([]);
      expect(warnings).toEqual([
        expect.stringContaining('errorHandler() was registered before some of the routes'),
      ]);
    });

    it("with @sentry/node's instrumentation working: Sentry captures them, and nothing is printed", async () => {
      const { warnings, sent } = await run({ EXPRESS, SETUP: 'error-handler-first' }, { instrumented: true });
      expect(eventsAbout(sent, 'user lookup failed for sync-1')).toHaveLength(1);
      expect(errorEvents(sent)[0].user).toMatchObject({ id: 'u-123' });
      expect(warnings).toEqual([]);
    });
  },
);
