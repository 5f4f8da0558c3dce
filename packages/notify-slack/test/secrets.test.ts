import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SlackDeliveryError, SlackNotifier } from '../src/index.js';
import { makeAlert, makeGroup } from './alerts.js';
import { testNotifier } from './notifier.js';
import { closedPort, OK, SECRET_PATH, useReceiver, waitFor } from './receiver.js';

/** Every part of the test webhook URL that is secret. */
const SECRETS = [SECRET_PATH, ...SECRET_PATH.split('/').filter((part) => part.length > 8)];

/** Every way an error can be shown: message, stack, string, JSON, inspect with hidden fields. */
function everyRendering(error: SlackDeliveryError): string {
  return [
    error.message,
    error.stack,
    String(error),
    JSON.stringify(error),
    error.slackError,
    inspect(error, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
  ].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the webhook URL never leaks', () => {
  it('not from any delivery error, even when Slack (or a proxy) echoes it', async () => {
    const echo = `invalid_payload for POST http://127.0.0.1${SECRET_PATH} (path ${SECRET_PATH})`;
    const rejecting = await useReceiver([{ status: 400, body: echo }]);
    const failing = await useReceiver(
      Array.from({ length: 5 }, () => ({ status: 500, body: `error at ${SECRET_PATH}` })),
    );
    const slowScript = Array.from({ length: 10 }, () => ({ ...OK, delayMs: 1000 }));
    const [slow, slowToo] = [await useReceiver(slowScript), await useReceiver(slowScript)];
    const errors: SlackDeliveryError[] = [];
    const options = { onError: (error: SlackDeliveryError) => errors.push(error), maxRetries: 1 };
    const notifiers = [
      testNotifier(rejecting.url, options).notifier,
      testNotifier(failing.url, options).notifier,
      testNotifier(slow.url, { ...options, timeoutMs: 100 }).notifier,
      testNotifier(`http://127.0.0.1:${await closedPort()}${SECRET_PATH}`, options).notifier,
      testNotifier(rejecting.url, {
        ...options,
        fetch: async (url) => {
          throw Object.assign(new Error(`request to ${url} failed`), { code: url });
        },
      }).notifier,
    ];
    const dropping = testNotifier(slowToo.url, { ...options, maxQueue: 1, timeoutMs: 100 }).notifier;
    for (const notifier of [...notifiers, dropping]) await notifier.notify(makeAlert());
    for (let i = 0; i < 3; i++) await dropping.notify(makeAlert());
    await Promise.all([...notifiers, dropping].map((notifier) => notifier.flush(5000)));
    const reasons = errors.map((error) => error.reason).sort();
    expect(new Set(reasons)).toEqual(new Set(['rejected', 'retries-exhausted', 'dropped']));
    // 1 rejected; 4 given up (500s, timeouts, refused, a throwing fetch); 2 dropped + 2 given up from the full queue.
    expect(errors).toHaveLength(9);
    for (const error of errors) expectNoSecret(everyRendering(error));
    expect(errors.find((error) => error.reason === 'rejected')?.slackError).toBe(
      'invalid_payload for POST http://127.0.0.1… (path …)',
    );
    expect(errors.map((error) => error.message).join('\n')).toContain('(http://127.0.0.1:');
  });

  it('not from the default onError, which logs one line', async () => {
    const server = await useReceiver([{ status: 403, body: 'invalid_token' }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const notifier = new SlackNotifier({ webhookUrl: server.url, minIntervalMs: 0 });
    await notifier.notify(makeAlert());
    await notifier.flush(5000);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = warn.mock.calls.flat().join(' ');
    expect(logged).toMatch(
      /^\[@faultline\/notify-slack\] Slack alert "alert-\d+" rejected by Slack with HTTP 403 invalid_token/,
    );
    expect(logged).toContain('/services/…');
    expectNoSecret(logged);
  });

  it('not from the notifier when it is logged or serialized', () => {
    const notifier = new SlackNotifier({ webhookUrl: `https://hooks.slack.com${SECRET_PATH}` });
    expectNoSecret(inspect(notifier, { showHidden: true, depth: Number.POSITIVE_INFINITY }));
    expect(JSON.stringify(notifier)).toBe(
      '{"name":"slack","webhookUrl":"https://hooks.slack.com/services/…"}',
    );
  });

  it('the payload carries the alert as given and nothing of the webhook URL', async () => {
    const server = await useReceiver();
    const { notifier } = testNotifier(server.url, { channel: '#alerts' });
    const planted =
      'password=hunter2 token xoxb-1234-5678-abcdefgh <https://hooks.slack.com/services/T1/B2/planted>';
    await notifier.notify(
      makeAlert({ groups: [makeGroup({ message: planted, tags: { authorization: 'Bearer abc.def.ghi' } })] }),
    );
    await notifier.flush(5000);
    await waitFor(() => server.deliveries().length === 1);
    const raw = server.deliveries()[0]!.raw;
    expectNoSecret(raw);
    expect(raw).not.toContain(String(server.port));
    // The notifier adds nothing and removes nothing: scrubbing is @faultline/scrub's job, before alerting.
    expect(raw).toContain(
      'password=hunter2 token xoxb-1234-5678-abcdefgh &lt;https://hooks.slack.com/services/T1/B2/planted&gt;',
    );
    expect(raw).toContain('Bearer abc.def.ghi');
  });
});
