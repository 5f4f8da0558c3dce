import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigIssue, type Env, loadConfig } from '../src/index.js';

/** The issues `loadConfig(env)` throws, or fails the test when it does not throw a ConfigError. */
function issuesOf(env: Env): ConfigIssue[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

/** The message of the one issue about `key`. */
function messageFor(env: Env, key: string): string {
  const issues = issuesOf(env).filter((issue) => issue.key === key);
  expect(issues).toHaveLength(1);
  return issues[0]!.message;
}

describe('loadConfig: an empty environment', () => {
  it('is valid: Sentry disabled, alerts off, scrubbing and grouping on with defaults', () => {
    expect(loadConfig({})).toEqual({
      sentry: { enabled: false, environment: 'production' },
      alerts: {
        enabled: false,
        criticalThreshold: 10,
        criticalWindowMs: 60_000,
        errorRateThreshold: 0.01,
        errorRateMinRequests: 100,
        repeatIntervalMs: 1_800_000,
        email: { enabled: false, recipients: [] },
        slack: { enabled: false },
      },
      scrub: { enabled: true, extraKeys: [], allowKeys: [], allowPaths: [], disabledDetectors: [] },
      fingerprint: { enabled: true, disabledRules: [], services: {} },
    });
  });

  it('treats empty and whitespace-only values as unset', () => {
    const env = Object.fromEntries(
      ['SENTRY_DSN', 'SENTRY_TRACES_SAMPLE_RATE', 'SENTRY_SLACK_ALERTS_ENABLED', 'SMTP_URL'].map((name) => [
        name,
        '  ',
      ]),
    );
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  it('reads process.env by default', () => {
    const saved = process.env.SENTRY_CRITICAL_ERROR_THRESHOLD;
    process.env.SENTRY_CRITICAL_ERROR_THRESHOLD = '42';
    try {
      expect(loadConfig().alerts.criticalThreshold).toBe(42);
    } finally {
      if (saved === undefined) delete process.env.SENTRY_CRITICAL_ERROR_THRESHOLD;
      else process.env.SENTRY_CRITICAL_ERROR_THRESHOLD = saved;
    }
  });
});

describe('loadConfig: a full environment', () => {
  it('parses every kind of value into the nested config', () => {
    const config = loadConfig({
      SENTRY_DSN: ' https://0123456789abcdef@o12.ingest.us.sentry.io/4505 ',
      NODE_ENV: 'test',
      APP_VERSION: 'my-api@1.4.2+abc123',
      SENTRY_TRACES_SAMPLE_RATE: '0.25',
      SENTRY_PROFILES_SAMPLE_RATE: '1',
      SENTRY_CRITICAL_ERROR_THRESHOLD: '25',
      SENTRY_CRITICAL_ERROR_WINDOW: '2m',
      SENTRY_ERROR_RATE_THRESHOLD: '0.05',
      SENTRY_ERROR_RATE_MIN_REQUESTS: '500',
      SENTRY_ALERT_REPEAT_INTERVAL: '1h',
      SENTRY_ALERT_REDIS_URL: 'rediss://:pw@redis.internal:6380/2',
      SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com, sre@example.com',
      SENTRY_ALERT_EMAIL_FROM: 'Faultline <alerts@example.com>',
      SMTP_URL: 'smtps://alerts:pw@smtp.example.com:465',
      SENTRY_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T1/B2/xyz',
      SENTRY_SLACK_CHANNEL: '#alerts',
      FAULTLINE_SCRUB_EXTRA_KEYS: 'employeeId,member_number',
      FAULTLINE_SCRUB_ALLOW_KEYS: 'token_count',
      FAULTLINE_SCRUB_ALLOW_PATHS: 'request.headers.x-request-id,extra.*.orderId',
      FAULTLINE_SCRUB_DISABLED_DETECTORS: 'ipv4,home-directory',
      FAULTLINE_SCRUB_PSEUDONYM_KEY: '3f9c2b7e1d5a48c6b0e4f7a2d9c1e8b5',
      FAULTLINE_FINGERPRINT_ENABLED: 'no',
      FAULTLINE_FINGERPRINT_DISABLED_RULES: 'rate-limit',
      FAULTLINE_FINGERPRINT_SERVICES: 'API.Stripe.com=stripe, api.github.com = github',
    });
    expect(config).toEqual({
      sentry: {
        enabled: true,
        dsn: 'https://0123456789abcdef@o12.ingest.us.sentry.io/4505',
        environment: 'test',
        release: 'my-api@1.4.2+abc123',
        tracesSampleRate: 0.25,
        profileSessionSampleRate: 1,
      },
      alerts: {
        enabled: true,
        criticalThreshold: 25,
        criticalWindowMs: 120_000,
        errorRateThreshold: 0.05,
        errorRateMinRequests: 500,
        repeatIntervalMs: 3_600_000,
        redisUrl: 'rediss://:pw@redis.internal:6380/2',
        email: {
          enabled: true,
          recipients: ['oncall@example.com', 'sre@example.com'],
          from: 'Faultline <alerts@example.com>',
          smtpUrl: 'smtps://alerts:pw@smtp.example.com:465',
        },
        slack: {
          enabled: true,
          webhookUrl: 'https://hooks.slack.com/services/T1/B2/xyz',
          channel: '#alerts',
        },
      },
      scrub: {
        enabled: true,
        extraKeys: ['employeeId', 'member_number'],
        allowKeys: ['token_count'],
        allowPaths: ['request.headers.x-request-id', 'extra.*.orderId'],
        disabledDetectors: ['ipv4', 'home-directory'],
        pseudonymKey: '3f9c2b7e1d5a48c6b0e4f7a2d9c1e8b5',
      },
      fingerprint: {
        enabled: false,
        disabledRules: ['rate-limit'],
        services: { 'api.stripe.com': 'stripe', 'api.github.com': 'github' },
      },
    });
  });

  it('takes the environment from SENTRY_ENVIRONMENT, else NODE_ENV, else production', () => {
    expect(loadConfig({ SENTRY_ENVIRONMENT: 'staging', NODE_ENV: 'test' }).sentry.environment).toBe(
      'staging',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).sentry.environment).toBe('development');
    expect(loadConfig({ NODE_ENV: '' }).sentry.environment).toBe('production');
    expect(messageFor({ NODE_ENV: 'dev/local' }, 'SENTRY_ENVIRONMENT')).toBe(
      'must be at most 64 characters without spaces or slashes, got "dev/local" (from NODE_ENV). Example: staging',
    );
  });
});

describe('loadConfig: booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['Yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
    [' NO ', false],
  ])('%j is %s', (text, expected) => {
    expect(loadConfig({ FAULTLINE_SCRUB_ENABLED: text }).scrub.enabled).toBe(expected);
  });

  it.each(['on', 'off', 'y', 'n', '2', 'truee', 'enabled'])('refuses %j', (text) => {
    expect(messageFor({ FAULTLINE_FINGERPRINT_ENABLED: text }, 'FAULTLINE_FINGERPRINT_ENABLED')).toBe(
      `must be true or false (1/0 and yes/no work too), got ${JSON.stringify(text)}. Example: true`,
    );
  });
});

describe('loadConfig: durations', () => {
  it.each([
    ['500ms', 500],
    ['60s', 60_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['90 s', 90_000],
    ['2M', 120_000],
    ['45000', 45_000],
  ])('%j is %d ms', (text, expected) => {
    expect(loadConfig({ SENTRY_CRITICAL_ERROR_WINDOW: text }).alerts.criticalWindowMs).toBe(expected);
  });

  it.each(['5 minutes', '1d', '-5s', 's', '1h30m', '1e3'])('refuses %j', (text) => {
    expect(messageFor({ SENTRY_ALERT_REPEAT_INTERVAL: text }, 'SENTRY_ALERT_REPEAT_INTERVAL')).toBe(
      `must be a duration such as 500ms, 60s, 5m or 1h (a plain number is milliseconds), got ${JSON.stringify(text)}. Example: 1h`,
    );
  });

  it('refuses zero and durations longer than a Node.js timer allows', () => {
    expect(messageFor({ SENTRY_CRITICAL_ERROR_WINDOW: '0s' }, 'SENTRY_CRITICAL_ERROR_WINDOW')).toMatch(
      /^must be longer than 0, got "0s"/,
    );
    expect(messageFor({ SENTRY_CRITICAL_ERROR_WINDOW: '1000h' }, 'SENTRY_CRITICAL_ERROR_WINDOW')).toMatch(
      /^must be at most 24 days/,
    );
  });
});

describe('loadConfig: comma lists', () => {
  it('trims items, drops empty ones and duplicates', () => {
    const config = loadConfig({
      SENTRY_ALERT_EMAIL_RECIPIENTS: ' a@example.com ,, b@example.com,a@example.com, ',
      SMTP_URL: 'smtp://localhost:1025',
      FAULTLINE_SCRUB_EXTRA_KEYS: ',employeeId ,  ,',
    });
    expect(config.alerts.email.recipients).toEqual(['a@example.com', 'b@example.com']);
    expect(config.scrub.extraKeys).toEqual(['employeeId']);
  });

  it('names the bad item', () => {
    expect(
      messageFor({ FAULTLINE_SCRUB_DISABLED_DETECTORS: 'ipv4,ipv5' }, 'FAULTLINE_SCRUB_DISABLED_DETECTORS'),
    ).toMatch(
      /^must be a comma-separated list of detector names; item 2 is not a scrub detector: use private-key, .*, got "ipv4,ipv5"\. Example: ipv4,home-directory$/,
    );
    expect(
      messageFor({ FAULTLINE_FINGERPRINT_SERVICES: 'stripe' }, 'FAULTLINE_FINGERPRINT_SERVICES'),
    ).toMatch(/item 1 is not host=name, e\.g\. api\.stripe\.com=stripe/);
  });
});

describe('loadConfig: other values', () => {
  it('accepts a sample rate from 0 to 1 only', () => {
    expect(loadConfig({ SENTRY_TRACES_SAMPLE_RATE: '0' }).sentry.tracesSampleRate).toBe(0);
    expect(loadConfig({ SENTRY_TRACES_SAMPLE_RATE: '.5' }).sentry.tracesSampleRate).toBe(0.5);
    expect(loadConfig({ SENTRY_TRACES_SAMPLE_RATE: '1e-3' }).sentry.tracesSampleRate).toBe(0.001);
    for (const text of ['1.5', '-0.1', 'abc', '0x1', '50%', 'NaN', 'Infinity'])
      expect(messageFor({ SENTRY_TRACES_SAMPLE_RATE: text }, 'SENTRY_TRACES_SAMPLE_RATE')).toBe(
        `must be a number from 0 to 1, got ${JSON.stringify(text)}. Example: 0.1`,
      );
  });

  it('refuses an error-rate threshold of 0', () => {
    expect(messageFor({ SENTRY_ERROR_RATE_THRESHOLD: '0' }, 'SENTRY_ERROR_RATE_THRESHOLD')).toBe(
      'must be a number greater than 0 and at most 1, got "0". Example: 0.05',
    );
  });

  it.each(['0', '-1', '1.5', '10 errors', 'ten', '1e3', '99999999999999999999'])(
    'refuses the threshold %j',
    (text) => {
      const message = messageFor(
        { SENTRY_CRITICAL_ERROR_THRESHOLD: text },
        'SENTRY_CRITICAL_ERROR_THRESHOLD',
      );
      expect(message).toMatch(/^must be a positive whole number, got ".*"\. Example: 25$/);
    },
  );

  it('checks DSNs', () => {
    for (const dsn of [
      'https://abc@o1.ingest.sentry.io/1',
      'http://abc@sentry.internal:9000/3',
      'https://abc@sentry.example.com/prefix/17',
    ])
      expect(loadConfig({ SENTRY_DSN: dsn }).sentry.dsn).toBe(dsn);
    const message = (dsn: string) => messageFor({ SENTRY_DSN: dsn }, 'SENTRY_DSN');
    expect(message('not a dsn')).toMatch(/^must be a Sentry DSN, .*, got \[redacted\]\. Example: https:\/\//);
    expect(message('https://o1.ingest.sentry.io/1')).toMatch(/the public key before @ is missing/);
    expect(message('https://abc@o1.ingest.sentry.io/project')).toMatch(/numeric project id/);
    expect(message('ftp://abc@o1.ingest.sentry.io/1')).toMatch(/must start with https:\/\//);
  });

  it('allows http webhooks to loopback hosts only', () => {
    for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1:9999/x', 'http://[::1]:3000/slack'])
      expect(loadConfig({ SENTRY_SLACK_WEBHOOK_URL: url }).alerts.slack.webhookUrl).toBe(url);
    expect(
      messageFor(
        { SENTRY_SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T/B/x' },
        'SENTRY_SLACK_WEBHOOK_URL',
      ),
    ).toBe(
      'must use https:// (plain http:// only to localhost, for tests), got http://hooks.slack.com/…[redacted]. Example: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    );
    expect(messageFor({ SENTRY_SLACK_WEBHOOK_URL: 'hooks.slack.com/x' }, 'SENTRY_SLACK_WEBHOOK_URL')).toMatch(
      /^must be an https:\/\/ webhook URL, got \[redacted\]/,
    );
  });

  it('checks email recipients and the sender', () => {
    const env = { SMTP_URL: 'smtp://localhost:1025' };
    expect(
      messageFor(
        { ...env, SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com,bob' },
        'SENTRY_ALERT_EMAIL_RECIPIENTS',
      ),
    ).toBe(
      'must be a comma-separated list of email addresses; item 2 is not an email address, got "oncall@example.com,bob". Example: oncall@example.com,sre@example.com',
    );
    expect(loadConfig({ SENTRY_ALERT_EMAIL_FROM: 'alerts@example.com' }).alerts.email.from).toBe(
      'alerts@example.com',
    );
    expect(messageFor({ SENTRY_ALERT_EMAIL_FROM: 'Faultline alerts' }, 'SENTRY_ALERT_EMAIL_FROM')).toMatch(
      /^must be an email address, optionally with a name: Faultline <alerts@example\.com>, got "Faultline alerts"/,
    );
  });

  it('checks SMTP and Redis URLs, release names and Slack channels', () => {
    expect(messageFor({ SMTP_URL: 'https://mail.example.com' }, 'SMTP_URL')).toMatch(
      /^must be an smtp:\/\/ or smtps:\/\//,
    );
    expect(messageFor({ SENTRY_ALERT_REDIS_URL: 'localhost:6379' }, 'SENTRY_ALERT_REDIS_URL')).toMatch(
      /^must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(messageFor({ APP_VERSION: 'feature/x' }, 'APP_VERSION')).toMatch(/without slashes/);
    expect(messageFor({ SENTRY_ENVIRONMENT: 'None' }, 'SENTRY_ENVIRONMENT')).toMatch(/must not be "None"/);
    expect(messageFor({ SENTRY_SLACK_CHANNEL: 'my alerts' }, 'SENTRY_SLACK_CHANNEL')).toMatch(
      /Slack channel/,
    );
    expect(messageFor({ FAULTLINE_SCRUB_PSEUDONYM_KEY: 'short' }, 'FAULTLINE_SCRUB_PSEUDONYM_KEY')).toBe(
      'must be a secret of at least 16 characters, e.g. from `openssl rand -hex 32`, got [redacted]. Example: 3f9c2b7e1d5a48c6b0e4f7a2d9c1e8b5',
    );
  });
});
