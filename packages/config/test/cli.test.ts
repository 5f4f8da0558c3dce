import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { renderEnvExample } from '../src/index.js';

describe('faultline-config', () => {
  it('check prints the resolved configuration, secrets redacted and unset values as null', () => {
    const result = runCli(['check'], {
      SENTRY_DSN: 'https://abc123def@o0.ingest.sentry.io/7',
      SENTRY_TRACES_SAMPLE_RATE: '0.2',
      SENTRY_CRITICAL_ERROR_WINDOW: '2m',
    });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const config = JSON.parse(result.stdout);
    expect(config.sentry).toEqual({
      enabled: true,
      dsn: 'https://[redacted]@o0.ingest.sentry.io/7',
      environment: 'production',
      release: null,
      tracesSampleRate: 0.2,
      profileSessionSampleRate: null,
    });
    expect(config.alerts.criticalWindowMs).toBe(120_000);
  });

  it('check accepts an empty environment', () => {
    expect(runCli(['check'], {}).exitCode).toBe(0);
  });

  it('check prints every problem on stderr and exits 1', () => {
    const result = runCli(['check'], {
      SENTRY_TRACES_SAMPLE_RATE: '1.5',
      SENTRY_SLACK_ALERTS_ENABLED: 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'Invalid Faultline configuration (2 problems):',
        'SENTRY_TRACES_SAMPLE_RATE: must be a number from 0 to 1, got "1.5". Example: 0.1',
        'SENTRY_SLACK_WEBHOOK_URL: must be set because Slack alerts are on (SENTRY_SLACK_ALERTS_ENABLED=true). Example: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        '',
      ].join('\n'),
    );
  });

  it('check --env-file puts the file on top of the environment', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-config-')), '.env');
    writeFileSync(file, '# production\nSENTRY_ENVIRONMENT=prod-eu\nSENTRY_CRITICAL_ERROR_THRESHOLD="50"\n');
    const result = runCli(['check', '--env-file', file], { SENTRY_ENVIRONMENT: 'dev', APP_VERSION: '1.0.0' });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).sentry).toMatchObject({ environment: 'prod-eu', release: '1.0.0' });
    expect(JSON.parse(result.stdout).alerts.criticalThreshold).toBe(50);
    expect(runCli(['check', '--env-file', join(file, 'missing')], {})).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^faultline-config: cannot read /),
    });
  });

  it('example prints .env.example', () => {
    expect(runCli(['example'], {})).toEqual({ stdout: renderEnvExample(), stderr: '', exitCode: 0 });
  });

  it('help prints the usage; a wrong command or option prints it on stderr and exits 2', () => {
    expect(runCli(['--help'], {})).toMatchObject({
      exitCode: 0,
      stdout: expect.stringMatching(/^Usage: faultline-config/),
    });
    for (const argv of [[], ['chek'], ['check', '--verbose'], ['check', '--env-file'], ['example', 'x']]) {
      const result = runCli(argv, {});
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^faultline-config: .*\n\nUsage: faultline-config/);
    }
    expect(runCli(['chek'], {}).stderr).toMatch(/^faultline-config: unknown command: chek/);
  });

  it('runs as a command', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, 'check'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      });
    const ok = run({ SENTRY_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T1/B2/s3cretToken' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).alerts.slack).toEqual({
      enabled: true,
      webhookUrl: 'https://hooks.slack.com/…[redacted]',
      channel: null,
    });
    const failed = run({ SENTRY_CRITICAL_ERROR_THRESHOLD: 'ten' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /SENTRY_CRITICAL_ERROR_THRESHOLD: must be a positive whole number, got "ten"/,
    );
  });
});
