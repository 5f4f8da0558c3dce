import { ConfigError } from '@faultline/config';
import { describe, expect, it } from 'vitest';
import { init } from '../src/index.js';
import { applyOverrides } from '../src/overrides.js';

// Each call here throws before Sentry.init, so no SDK is started in the test process.
function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('init() settings', () => {
  it('lists every bad variable at once, naming each', () => {
    const error = configErrorOf(() =>
      init({ env: { SENTRY_TRACES_SAMPLE_RATE: '1.5', SENTRY_CRITICAL_ERROR_THRESHOLD: 'ten' } }),
    );
    expect(error.issues.map((issue) => issue.key)).toEqual([
      'SENTRY_TRACES_SAMPLE_RATE',
      'SENTRY_CRITICAL_ERROR_THRESHOLD',
    ]);
  });

  it('names an override by its option path and its variable', () => {
    const error = configErrorOf(() => init({ env: {}, sentry: { tracesSampleRate: 2 } }));
    expect(error.issues).toEqual([
      {
        key: 'init({ sentry.tracesSampleRate }) (SENTRY_TRACES_SAMPLE_RATE)',
        message: expect.stringContaining('from 0 to 1'),
      },
    ]);
  });

  it('rejects an override that names no setting, listing the settings', () => {
    const error = configErrorOf(() => init({ env: {}, alerts: { slack: { webhook: 'x' } } } as never));
    expect(error.issues[0]?.key).toBe('init({ alerts.slack.webhook })');
    expect(error.issues[0]?.message).toContain('alerts.slack.webhookUrl');
  });

  it('never shows a secret override in the error', () => {
    const secret = 'https://hooks.slack.com/services/T0/B0/sup3rs3cr3t';
    const error = configErrorOf(() =>
      init({ env: {}, alerts: { slack: { webhookUrl: secret.replace('https', 'ftp') } } }),
    );
    expect(error.message).not.toContain('sup3rs3cr3t');
  });

  it('writes overrides over the environment as the variables would hold them', () => {
    const { env, overridden } = applyOverrides(
      { SENTRY_ENVIRONMENT: 'staging', SENTRY_TRACES_SAMPLE_RATE: '0.5' },
      {
        sentry: { tracesSampleRate: 0.1, release: undefined },
        alerts: { email: { recipients: ['a@example.com', 'b@example.com'] } },
        fingerprint: { services: { 'api.stripe.com': 'stripe' } },
      },
    );
    expect(env).toEqual({
      SENTRY_ENVIRONMENT: 'staging',
      SENTRY_TRACES_SAMPLE_RATE: '0.1',
      APP_VERSION: undefined,
      SENTRY_ALERT_EMAIL_RECIPIENTS: 'a@example.com,b@example.com',
      FAULTLINE_FINGERPRINT_SERVICES: 'api.stripe.com=stripe',
    });
    expect([...overridden.keys()]).toEqual([
      'SENTRY_TRACES_SAMPLE_RATE',
      'APP_VERSION',
      'SENTRY_ALERT_EMAIL_RECIPIENTS',
      'FAULTLINE_FINGERPRINT_SERVICES',
    ]);
  });
});
