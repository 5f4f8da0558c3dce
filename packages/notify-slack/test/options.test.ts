import { describe, expect, it } from 'vitest';
import { SlackNotifier, SlackNotifierError, type SlackNotifierOptions } from '../src/index.js';

const HOOK = 'https://hooks.slack.com/services/T0SECRET1/B0SECRET2/s3cretW3bhookT0ken0000000';
const SECRETS = ['T0SECRET1', 'B0SECRET2', 's3cretW3bhookT0ken0000000', 'pa55w0rd'];

/** [what is wrong, options, the `option` the error must name, what its message must say] */
const BAD_OPTIONS: Array<[string, unknown, string, RegExp]> = [
  ['no options', undefined, 'options', /options object/],
  ['options is a string', HOOK, 'options', /options object/],
  ['an unknown option', { webhookUrl: HOOK, chanel: '#a' }, 'chanel', /Known options: .*channel/],
  ['no webhookUrl', {}, 'webhookUrl', /non-empty string, got undefined/],
  ['webhookUrl is a number', { webhookUrl: 42 }, 'webhookUrl', /non-empty string, got number/],
  [
    'webhookUrl is not a URL',
    { webhookUrl: 'hooks.slack.com/services/T0SECRET1/B0SECRET2/s3cretW3bhookT0ken0000000' },
    'webhookUrl',
    /not a valid URL/,
  ],
  [
    'webhookUrl over plain http',
    { webhookUrl: HOOK.replace('https:', 'http:') },
    'webhookUrl',
    /https:\/\/.*got http:\/\/hooks\.slack\.com\/services\/…\./,
  ],
  [
    'webhookUrl over http to another host',
    { webhookUrl: 'http://10.0.0.1/services/T0SECRET1/x' },
    'webhookUrl',
    /got http:\/\/10\.0\.0\.1\/services\/…/,
  ],
  [
    'webhookUrl of another scheme',
    { webhookUrl: 'ftp://hooks.slack.com/s3cretW3bhookT0ken0000000' },
    'webhookUrl',
    /https/,
  ],
  [
    'webhookUrl with credentials',
    { webhookUrl: 'https://user:pa55w0rd@hooks.slack.com/services/T0SECRET1' },
    'webhookUrl',
    /credentials/,
  ],
  ['channel with a space', { webhookUrl: HOOK, channel: '# alerts' }, 'channel', /#alerts/],
  ['channel is a number', { webhookUrl: HOOK, channel: 5 }, 'channel', /string/],
  ['username is empty', { webhookUrl: HOOK, username: '' }, 'username', /1 to 80/],
  ['fetch is not a function', { webhookUrl: HOOK, fetch: 'undici' }, 'fetch', /fetch-compatible/],
  ['timeoutMs is 0', { webhookUrl: HOOK, timeoutMs: 0 }, 'timeoutMs', /5000/],
  ['timeoutMs is a string', { webhookUrl: HOOK, timeoutMs: '5000' }, 'timeoutMs', /got string/],
  ['maxRetries is negative', { webhookUrl: HOOK, maxRetries: -1 }, 'maxRetries', /from 0 to 100/],
  ['maxRetries is fractional', { webhookUrl: HOOK, maxRetries: 1.5 }, 'maxRetries', /integer/],
  ['backoff is a number', { webhookUrl: HOOK, backoff: 500 }, 'backoff', /baseMs: 500/],
  ['backoff has an unknown key', { webhookUrl: HOOK, backoff: { base: 1 } }, 'backoff.base', /baseMs, capMs/],
  [
    'backoff.capMs below baseMs',
    { webhookUrl: HOOK, backoff: { baseMs: 1000, capMs: 10 } },
    'backoff.capMs',
    /below/,
  ],
  ['maxQueue is 0', { webhookUrl: HOOK, maxQueue: 0 }, 'maxQueue', /100/],
  ['minIntervalMs is negative', { webhookUrl: HOOK, minIntervalMs: -1 }, 'minIntervalMs', /1000/],
  ['onError is not a function', { webhookUrl: HOOK, onError: console }, 'onError', /error/],
];

function errorOf(options: unknown): SlackNotifierError {
  try {
    new SlackNotifier(options as SlackNotifierOptions);
  } catch (error) {
    if (error instanceof SlackNotifierError) return error;
    throw new Error(`expected a SlackNotifierError, got ${String(error)}`);
  }
  throw new Error('expected the constructor to throw');
}

describe('options', () => {
  it.each(BAD_OPTIONS)('%s throws a SlackNotifierError naming the option', (_, options, option, fix) => {
    const error = errorOf(options);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.name).toBe('SlackNotifierError');
    expect(error.option).toBe(option);
    expect(error.message).toMatch(
      new RegExp(`^Invalid Slack notifier option \`${option.replace('.', '\\.')}\``),
    );
    expect(error.message).toMatch(fix);
    for (const secret of SECRETS) expect(`${error.message}\n${error.stack}`).not.toContain(secret);
  });

  it('accepts https, and http only to loopback hosts', () => {
    for (const webhookUrl of [
      HOOK,
      'http://127.0.0.1:8080/hook',
      'http://localhost/services/x',
      'http://[::1]:9/x',
    ]) {
      expect(new SlackNotifier({ webhookUrl }).name).toBe('slack');
    }
  });

  it('accepts every documented option', () => {
    const notifier = new SlackNotifier({
      webhookUrl: HOOK,
      channel: '#alerts',
      username: 'Faultline alerts',
      fetch: globalThis.fetch,
      timeoutMs: 5000,
      maxRetries: 5,
      backoff: { baseMs: 500, capMs: 30_000 },
      maxQueue: 100,
      minIntervalMs: 1000,
      onError: () => {},
    });
    expect(notifier.name).toBe('slack');
  });
});
