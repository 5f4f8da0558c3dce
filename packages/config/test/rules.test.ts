import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';

const WEBHOOK = 'https://hooks.slack.com/services/T1/B2/xyz';
const SMTP = 'smtps://alerts:pw@smtp.example.com:465';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('alert channels', () => {
  it('turn on when their destination is set, and stay off when told', () => {
    expect(loadConfig({ SENTRY_SLACK_WEBHOOK_URL: WEBHOOK }).alerts).toMatchObject({
      enabled: true,
      slack: { enabled: true },
      email: { enabled: false },
    });
    expect(
      loadConfig({ SENTRY_SLACK_WEBHOOK_URL: WEBHOOK, SENTRY_SLACK_ALERTS_ENABLED: 'false' }).alerts,
    ).toMatchObject({ enabled: false, slack: { enabled: false, webhookUrl: WEBHOOK } });
    expect(
      loadConfig({ SENTRY_ALERT_EMAIL_RECIPIENTS: 'a@example.com', SMTP_URL: SMTP }).alerts.email.enabled,
    ).toBe(true);
    // SMTP_URL alone is often the application's own mail server: it does not turn alerts on.
    expect(loadConfig({ SMTP_URL: SMTP }).alerts.email.enabled).toBe(false);
  });

  it('Slack enabled without a webhook URL is an error naming both variables', () => {
    expect(errorOf({ SENTRY_SLACK_ALERTS_ENABLED: 'true' }).issues).toEqual([
      {
        key: 'SENTRY_SLACK_WEBHOOK_URL',
        message:
          'must be set because Slack alerts are on (SENTRY_SLACK_ALERTS_ENABLED=true). Example: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      },
    ]);
  });

  it('email enabled without SMTP_URL or recipients is an error for each', () => {
    expect(errorOf({ SENTRY_EMAIL_ALERTS_ENABLED: 'yes' }).issues.map((issue) => issue.key)).toEqual([
      'SENTRY_ALERT_EMAIL_RECIPIENTS',
      'SMTP_URL',
    ]);
    expect(errorOf({ SENTRY_ALERT_EMAIL_RECIPIENTS: 'a@example.com' }).issues).toEqual([
      {
        key: 'SMTP_URL',
        message:
          'must be set because email alerts are on (SENTRY_ALERT_EMAIL_RECIPIENTS is set; set SENTRY_EMAIL_ALERTS_ENABLED=false to turn them off). Example: smtps://alerts:password@smtp.example.com:465',
      },
    ]);
    expect(
      errorOf({ SENTRY_EMAIL_ALERTS_ENABLED: '1', SMTP_URL: SMTP, SENTRY_ALERT_EMAIL_RECIPIENTS: ' , ' })
        .issues[0]?.key,
    ).toBe('SENTRY_ALERT_EMAIL_RECIPIENTS');
  });

  it('does not repeat a problem already reported for the variable itself', () => {
    const issues = errorOf({
      SENTRY_SLACK_ALERTS_ENABLED: 'true',
      SENTRY_SLACK_WEBHOOK_URL: 'http://example.com/x',
    }).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^must use https:\/\//);
    expect(errorOf({ SENTRY_SLACK_ALERTS_ENABLED: 'maybe' }).issues.map((issue) => issue.key)).toEqual([
      'SENTRY_SLACK_ALERTS_ENABLED',
    ]);
  });
});

describe('ConfigError', () => {
  it('reports every problem at once, in the order of the docs, one per line', () => {
    const error = errorOf({
      FAULTLINE_SCRUB_ENABLED: 'maybe',
      SENTRY_TRACES_SAMPLE_RATE: '1.5',
      SENTRY_DSN: 'nope',
      SENTRY_CRITICAL_ERROR_THRESHOLD: '0',
      SENTRY_SLACK_ALERTS_ENABLED: 'true',
      SENTRY_ALERT_EMAIL_RECIPIENTS: 'bob',
      FAULTLINE_SCRUB_ENABLE: 'false',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.issues.map((issue) => issue.key)).toEqual([
      'SENTRY_DSN',
      'SENTRY_TRACES_SAMPLE_RATE',
      'SENTRY_CRITICAL_ERROR_THRESHOLD',
      'SENTRY_ALERT_EMAIL_RECIPIENTS',
      'SMTP_URL',
      'SENTRY_SLACK_WEBHOOK_URL',
      'FAULTLINE_SCRUB_ENABLED',
      'FAULTLINE_SCRUB_ENABLE',
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid Faultline configuration (8 problems):');
    expect(lines.slice(1)).toEqual(error.issues.map((issue) => `${issue.key}: ${issue.message}`));
    expect(lines).toContain(
      'SENTRY_TRACES_SAMPLE_RATE: must be a number from 0 to 1, got "1.5". Example: 0.1',
    );
    for (const issue of error.issues.slice(0, -1)) expect(issue.message).toMatch(/\. Example: \S/);
  });

  it('names unknown FAULTLINE_ variables, with the closest known one', () => {
    expect(
      errorOf({ FAULTLINE_SCRUB_ENABLE: 'false', FAULTLINE_BANANA: '1', FAULTLINE_UNUSED: '' }).issues,
    ).toEqual([
      {
        key: 'FAULTLINE_BANANA',
        message: expect.stringMatching(/^is not a Faultline setting; known ones: FAULTLINE_/),
      },
      {
        key: 'FAULTLINE_SCRUB_ENABLE',
        message: 'is not a Faultline setting; did you mean FAULTLINE_SCRUB_ENABLED?',
      },
    ]);
  });

  it('reports a value that is not a string (from JavaScript callers)', () => {
    const env = { SENTRY_CRITICAL_ERROR_THRESHOLD: 10 } as unknown as Record<string, string>;
    expect(errorOf(env).issues).toEqual([
      { key: 'SENTRY_CRITICAL_ERROR_THRESHOLD', message: 'must be a string, got a number. Example: 25' },
    ]);
  });
});
