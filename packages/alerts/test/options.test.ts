import { describe, expect, it } from 'vitest';
import { type AlertEngineOptions, AlertOptionsError, createAlertEngine, memoryStore } from '../src/index.js';
import { RecordingNotifier } from './helpers.js';

const notifiers = [new RecordingNotifier()];

/** [what is wrong, options, the `option` the error must name, what its message must say] */
const BAD_OPTIONS: Array<[string, unknown, string, RegExp]> = [
  ['options is not an object', 'slack', 'options', /options object/],
  ['an unknown option', { notifiers, treshold: 5 }, 'treshold', /Known options: .*burst/],
  ['notifiers is missing', {}, 'notifiers', /array/],
  ['a notifier without notify', { notifiers: [{ name: 'x' }] }, 'notifiers[0]', /notify\(alert\)/],
  [
    'a notifier without a name',
    { notifiers: [...notifiers, { notify: async () => {} }] },
    'notifiers[1]',
    /name/,
  ],
  ['a notifier that is a function', { notifiers: [async () => {}] }, 'notifiers[0]', /notify/],
  ['burst threshold 0', { notifiers, burst: { threshold: 0 } }, 'burst.threshold', /positive integer/],
  ['burst threshold 2.5', { notifiers, burst: { threshold: 2.5 } }, 'burst.threshold', /integer/],
  ['burst threshold as a string', { notifiers, burst: { threshold: '10' } }, 'burst.threshold', /"10"/],
  ['burst windowMs 0', { notifiers, burst: { windowMs: 0 } }, 'burst.windowMs', /milliseconds/],
  ['burst windowMs negative', { notifiers, burst: { windowMs: -60_000 } }, 'burst.windowMs', /milliseconds/],
  ['an unknown burst option', { notifiers, burst: { window: 5 } }, 'burst.window', /windowMs/],
  ['burst is true', { notifiers, burst: true }, 'burst', /or false/],
  ['error rate 0', { notifiers, errorRate: { threshold: 0 } }, 'errorRate.threshold', /\(0, 1\]/],
  ['error rate above 1', { notifiers, errorRate: { threshold: 1.5 } }, 'errorRate.threshold', /0\.01/],
  ['error rate in percent', { notifiers, errorRate: { threshold: 5 } }, 'errorRate.threshold', /\(0, 1\]/],
  ['minRequests 0', { notifiers, errorRate: { minRequests: 0 } }, 'errorRate.minRequests', /100/],
  ['repeatIntervalMs 0', { notifiers, repeatIntervalMs: 0 }, 'repeatIntervalMs', /30 min/],
  ['batchWaitMs negative', { notifiers, batchWaitMs: -1 }, 'batchWaitMs', /2_000/],
  ['tickMs 0', { notifiers, tickMs: 0 }, 'tickMs', /250/],
  ['criticalLevels empty', { notifiers, criticalLevels: [] }, 'criticalLevels', /'fatal'/],
  ['criticalLevels a string', { notifiers, criticalLevels: 'error' }, 'criticalLevels', /array/],
  [
    'resolveNotifications "yes"',
    { notifiers, resolveNotifications: 'yes' },
    'resolveNotifications',
    /boolean/,
  ],
  ['sentryUrl without scheme', { notifiers, sentryUrl: 'acme.sentry.io' }, 'sentryUrl', /https:\/\/acme/],
  ['store without add', { notifiers, store: {} }, 'store', /memoryStore\(\)/],
  ['now is a number', { notifiers, now: 5 }, 'now', /Date\.now/],
  ['onError is a string', { notifiers, onError: 'console' }, 'onError', /callback/],
  ['maxPendingGroups 0', { notifiers, maxPendingGroups: 0 }, 'maxPendingGroups', /10000/],
];

describe('createAlertEngine options', () => {
  it.each(BAD_OPTIONS)('rejects %s', (_, options, option, message) => {
    let thrown: unknown;
    try {
      createAlertEngine(options as AlertEngineOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AlertOptionsError);
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as AlertOptionsError).option).toBe(option);
    expect((thrown as AlertOptionsError).name).toBe('AlertOptionsError');
    expect((thrown as Error).message).toMatch(message);
  });

  it('never puts a whole option value in the message', () => {
    const secret = `https://hooks.slack.com/services/${'S'.repeat(60)}`;
    expect(() => createAlertEngine({ notifiers, sentryUrl: `${secret} ` })).toThrow(AlertOptionsError);
    try {
      createAlertEngine({ notifiers, sentryUrl: `${secret} ` });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('accepts every option', async () => {
    const engine = createAlertEngine({
      notifiers,
      store: memoryStore({ maxGroups: 10 }),
      burst: { threshold: 3, windowMs: 12_000 },
      errorRate: { threshold: 1, windowMs: 60_000, minRequests: 1 },
      criticalLevels: ['fatal'],
      repeatIntervalMs: 1,
      resolveNotifications: true,
      batchWaitMs: 0,
      tickMs: 1,
      sentryUrl: 'https://sentry.internal:9000/organizations/acme',
      maxPendingGroups: 1,
      now: () => 0,
      onError: () => {},
    });
    expect(await engine.close()).toBe(true);
    const off = createAlertEngine({ notifiers: [], burst: false, errorRate: false });
    expect(await off.close()).toBe(true);
  });
});
