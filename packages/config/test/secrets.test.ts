import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { ConfigError, type Env, loadConfig, redactConfig, redactSecret } from '../src/index.js';

/** Secret parts planted in the secret variables; none may appear in any message or output. */
const PLANTED = {
  webhookPath: 'T0PLANTED/B0PLANTED/pl4ntedWebhookToken',
  smtpPassword: 'pl4nted-smtp-Passw0rd',
  dsnKey: 'pl4ntedDsnPublicKey0123456789abcd',
  redisPassword: 'pl4ntedRedisPass',
  pseudonymKey: 'pl4nted-pseudonym-key-0123456789',
};
const NEEDLES = [...Object.values(PLANTED), 'T0PLANTED', 'pl4ntedWebhookToken'];

function expectNoSecret(text: string): void {
  for (const needle of NEEDLES) expect(text).not.toContain(needle);
}

function messageOf(env: Env): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const VALID: Env = {
  SENTRY_DSN: `https://${PLANTED.dsnKey}@o0.ingest.sentry.io/42`,
  SENTRY_SLACK_WEBHOOK_URL: `https://hooks.slack.com/services/${PLANTED.webhookPath}`,
  SMTP_URL: `smtps://alerts:${PLANTED.smtpPassword}@smtp.example.com:465`,
  SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com',
  SENTRY_ALERT_REDIS_URL: `rediss://:${PLANTED.redisPassword}@redis.internal:6380/0`,
  FAULTLINE_SCRUB_PSEUDONYM_KEY: PLANTED.pseudonymKey,
};

describe('no secret is ever shown', () => {
  it('in errors about the secret variables, which show the variable and a redacted value', () => {
    const message = messageOf({
      SENTRY_DSN: `https://${PLANTED.dsnKey}@o0.ingest.sentry.io/not-a-project`,
      SENTRY_SLACK_WEBHOOK_URL: `http://hooks.slack.com/services/${PLANTED.webhookPath}`,
      SMTP_URL: `smtpx://alerts:${PLANTED.smtpPassword}@smtp.example.com`,
      SENTRY_ALERT_REDIS_URL: `redis:/${PLANTED.redisPassword}`,
      FAULTLINE_SCRUB_PSEUDONYM_KEY: 'pl4nted',
    });
    expectNoSecret(message);
    expect(message).toContain('SENTRY_DSN: ');
    expect(message).toContain('got https://[redacted]@o0.ingest.sentry.io/…[redacted]');
    expect(message).toContain('got http://hooks.slack.com/…[redacted]');
    expect(message).toContain('got smtpx://[redacted]@smtp.example.com');
    expect(message).toContain(
      'SENTRY_ALERT_REDIS_URL: must be a redis:// or rediss:// URL with a host, got [redacted]',
    );
    expect(message).not.toContain('pl4nted');
  });

  it('in errors about other variables that hold a secret by mistake', () => {
    const message = messageOf({
      ...VALID,
      SENTRY_SLACK_CHANNEL: `https://hooks.slack.com/services/${PLANTED.webhookPath}`,
      SENTRY_ALERT_EMAIL_FROM: PLANTED.smtpPassword,
      APP_VERSION: `v1/${PLANTED.pseudonymKey}`,
    });
    expectNoSecret(message);
    expect(message).toContain(
      'SENTRY_SLACK_CHANNEL: must be a Slack channel such as #alerts, or a channel id, got https://hooks.slack.com/…[redacted]',
    );
    expect(message).toContain(
      'SENTRY_ALERT_EMAIL_FROM: must be an email address, optionally with a name: Faultline <alerts@example.com>, got [redacted]',
    );
  });

  it('in the output of `faultline-config check`, valid or not', () => {
    const valid = runCli(['check'], VALID);
    expect(valid.exitCode).toBe(0);
    expectNoSecret(valid.stdout + valid.stderr);
    const config = JSON.parse(valid.stdout);
    expect(config.sentry.dsn).toBe('https://[redacted]@o0.ingest.sentry.io/42');
    expect(config.alerts.slack.webhookUrl).toBe('https://hooks.slack.com/…[redacted]');
    expect(config.alerts.email.smtpUrl).toBe('smtps://[redacted]@smtp.example.com:465');
    expect(config.alerts.redisUrl).toBe('rediss://[redacted]@redis.internal:6380/0');
    expect(config.scrub.pseudonymKey).toBe('[redacted]');

    const invalid = runCli(['check'], {
      ...VALID,
      SENTRY_TRACES_SAMPLE_RATE: '2',
      SMTP_URL: `smtp://u:${PLANTED.smtpPassword}@`,
    });
    expect(invalid.exitCode).toBe(1);
    expectNoSecret(invalid.stdout + invalid.stderr);
  });

  it('by redactConfig, which leaves the config itself alone', () => {
    const config = loadConfig(VALID);
    const redacted = redactConfig(config);
    expectNoSecret(JSON.stringify(redacted));
    expect(config.alerts.email.smtpUrl).toBe(VALID.SMTP_URL);
    expect(redacted.alerts.email.recipients).toEqual(['oncall@example.com']);
  });
});

describe('redactSecret', () => {
  it.each([
    ['https://hooks.slack.com/services/T1/B2/xyz', 'https://hooks.slack.com/…[redacted]'],
    ['https://abc@o0.ingest.sentry.io/0', 'https://[redacted]@o0.ingest.sentry.io/0'],
    ['smtps://user:pw@smtp.example.com:465', 'smtps://[redacted]@smtp.example.com:465'],
    ['redis://localhost:6379', 'redis://localhost:6379'],
    ['http://127.0.0.1:8080/hook?token=x', 'http://127.0.0.1:8080/…[redacted]'],
    ['https://hunter2secret/path', 'https://[redacted]/…[redacted]'],
    ['just-a-secret-value', '[redacted]'],
    ['mailto:someone', '[redacted]'],
    ['', '[redacted]'],
  ])('%j → %j', (value, expected) => {
    expect(redactSecret(value)).toBe(expected);
  });
});
