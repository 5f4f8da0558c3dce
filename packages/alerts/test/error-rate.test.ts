import { afterEach, describe, expect, it } from 'vitest';
import { type AlertEngine, type AlertEngineOptions, createAlertEngine } from '../src/index.js';
import { burst, Clock, RecordingNotifier } from './helpers.js';

const engines: AlertEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close(1_000)));
});

function setup(options: Partial<AlertEngineOptions> = {}) {
  const notifier = new RecordingNotifier();
  const clock = new Clock();
  const engine = createAlertEngine({ notifiers: [notifier], tickMs: 60_000, now: clock.now, ...options });
  engines.push(engine);
  return { engine, clock, alerts: notifier.alerts };
}

describe('error-rate rule', () => {
  it('does not alert on 1 error in 2 requests: too few requests', async () => {
    const { engine, alerts } = setup();
    engine.recordRequests(2);
    burst(engine, 1);
    await engine.flush();
    expect(alerts).toEqual([]);
  });

  it('alerts once on 5 errors in 200 requests with a 1 % threshold', async () => {
    const { engine, alerts } = setup({ errorRate: { threshold: 0.01 }, sentryUrl: 'https://acme.sentry.io' });
    for (let request = 0; request < 200; request++) engine.recordRequests();
    burst(engine, 5);
    await engine.flush();
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'error-rate', status: 'firing', threshold: 0.01, windowMs: 60_000 });
    expect(alert!.groups).toEqual([
      expect.objectContaining({
        key: '__error_rate__',
        count: 5,
        requests: 200,
        rate: 0.025,
        level: 'error',
      }),
    ]);
    expect(alert!.groups[0]!.title).toMatch(/2\.50%: 5 errors in 200 requests/);
    expect(alert!.groups[0]!.issueUrl).toMatch(/^https:\/\/acme\.sentry\.io\/issues\/\?query=id:/);
    expect(alert).toMatchObject({ environment: 'production', release: 'shop@1.2.3', service: 'web-1' });
    burst(engine, 20);
    engine.recordRequests(100);
    await engine.flush();
    expect(alerts.filter((a) => a.kind === 'error-rate')).toHaveLength(1);
  });

  it('does not alert at or below the threshold', async () => {
    const { engine, alerts } = setup();
    engine.recordRequests(200);
    burst(engine, 2);
    await engine.flush();
    expect(alerts).toEqual([]);
  });

  it('counts every error, whatever the critical levels, and no warnings or transactions', async () => {
    const { engine, alerts } = setup({ criticalLevels: ['fatal'], burst: false });
    engine.recordRequests(100);
    burst(engine, 5, { level: 'warning' });
    engine.observe({ type: 'transaction', level: 'error' });
    await engine.flush();
    expect(alerts).toEqual([]);
    burst(engine, 2, { level: 'error' });
    await engine.flush();
    expect(alerts.map((alert) => [alert.kind, alert.groups[0]!.count])).toEqual([['error-rate', 2]]);
  });

  it('ignores request counts that are not positive numbers', async () => {
    const { engine, alerts } = setup({ errorRate: { minRequests: 1, threshold: 0.5 } });
    for (const junk of [-5, Number.NaN, Number.POSITIVE_INFINITY, '7', null, 0])
      engine.recordRequests(junk as never);
    burst(engine, 1);
    await engine.flush();
    expect(alerts).toEqual([]);
  });

  it('alerts again on a crossing after the repeat interval', async () => {
    const { engine, alerts, clock } = setup({ repeatIntervalMs: 120_000, burst: false });
    engine.recordRequests(100);
    burst(engine, 2);
    await engine.flush();
    clock.advance(120_000);
    engine.recordRequests(100);
    burst(engine, 2);
    await engine.flush();
    expect(alerts.map((alert) => alert.kind)).toEqual(['error-rate', 'error-rate']);
  });
});
