import { afterEach, describe, expect, it } from 'vitest';
import { type AlertEngine, type AlertEngineOptions, createAlertEngine } from '../src/index.js';
import { burst, Clock, errorEvent, RecordingNotifier, sleep, T0 } from './helpers.js';

const engines: AlertEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close(1_000)));
});

/** An engine on the memory store whose ticks the test drives with flush() and whose clock it moves. */
function setup(options: Partial<AlertEngineOptions> = {}) {
  const notifier = new RecordingNotifier();
  const clock = new Clock();
  const engine = createAlertEngine({
    notifiers: [notifier],
    errorRate: false,
    tickMs: 60_000,
    now: clock.now,
    ...options,
  });
  engines.push(engine);
  return { engine, notifier, clock, alerts: notifier.alerts };
}

describe('burst rule', () => {
  it('alerts on more than 10 events of a group in the window, not on 10', async () => {
    const { engine, alerts, clock } = setup();
    burst(engine, 10);
    await engine.flush();
    expect(alerts).toEqual([]);
    clock.advance(30_000);
    burst(engine, 1);
    await engine.flush();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'burst', status: 'firing', threshold: 10, windowMs: 60_000 });
    expect(alerts[0]!.groups).toHaveLength(1);
    expect(alerts[0]!.groups[0]).toMatchObject({
      key: 'PaymentError|chargeCard',
      count: 11,
      lastSeen: T0 + 30_000,
    });
    expect(alerts[0]!.groups[0]!.firstSeen).toBe(T0);
  });

  it('does not count events that slid out of the window', async () => {
    const { engine, alerts, clock } = setup();
    burst(engine, 10);
    await engine.flush();
    clock.advance(61_000);
    burst(engine, 10);
    await engine.flush();
    expect(alerts).toEqual([]);
  });

  it('stays silent for the repeat interval, then alerts on a new crossing', async () => {
    const { engine, alerts, clock } = setup({ repeatIntervalMs: 300_000 });
    burst(engine, 11);
    await engine.flush();
    burst(engine, 100);
    await engine.flush();
    expect(alerts).toHaveLength(1);
    clock.advance(120_000); // a second crossing inside the repeat interval
    burst(engine, 20);
    await engine.flush();
    expect(alerts).toHaveLength(1);
    clock.advance(180_000);
    burst(engine, 10);
    await engine.flush();
    expect(alerts).toHaveLength(1);
    burst(engine, 1);
    await engine.flush();
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.groups[0]!.count).toBe(11);
    expect(alerts[1]!.id).not.toBe(alerts[0]!.id);
  });

  it('counts groups apart: by type and in-app function, or by fingerprint', async () => {
    const { engine, alerts } = setup();
    burst(engine, 6, { fn: 'a' });
    burst(engine, 6, { fn: 'b' });
    burst(engine, 6, { type: 'TypeError', fn: 'a' });
    await engine.flush();
    expect(alerts).toEqual([]);
    burst(engine, 6, { type: 'DbError', fingerprint: ['database', 'timeout'] });
    burst(engine, 6, { type: 'PoolError', fingerprint: ['database', 'timeout'] });
    burst(engine, 6, { fingerprint: ['{{ default }}'] }); // the default grouping: PaymentError|chargeCard
    await engine.flush();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.groups.map((group) => [group.key, group.count])).toEqual([['database|timeout', 12]]);
  });

  it('ignores transactions and levels that are not critical', async () => {
    const { engine, alerts } = setup();
    burst(engine, 50, { level: 'warning' });
    burst(engine, 50, { level: 'info' });
    for (let index = 0; index < 50; index++) engine.observe({ ...errorEvent(), type: 'transaction' });
    await engine.flush();
    expect(alerts).toEqual([]);
  });

  it('uses the configured critical levels', async () => {
    const { engine, alerts } = setup({ criticalLevels: ['fatal', 'warning'] });
    burst(engine, 20, { level: 'error' });
    await engine.flush();
    expect(alerts).toEqual([]);
    burst(engine, 11, { level: 'warning' });
    await engine.flush();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.groups[0]!.level).toBe('warning');
  });

  it('sends groups that cross within batchWaitMs as one alert, the biggest group first', async () => {
    const { engine, alerts } = setup({ tickMs: 10, batchWaitMs: 600 });
    burst(engine, 11, { fn: 'first' });
    await sleep(60); // ticked: the first group crossed and opened a batch
    expect(alerts).toEqual([]);
    burst(engine, 15, { fn: 'second' });
    await sleep(60);
    expect(alerts).toEqual([]);
    await sleep(700);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.groups.map((group) => [group.key, group.count])).toEqual([
      ['PaymentError|second', 15],
      ['PaymentError|first', 11],
    ]);
  });

  it('sends a resolved alert once an alerted group stayed below its threshold for a whole window', async () => {
    const { engine, alerts, clock } = setup({ resolveNotifications: true });
    burst(engine, 11);
    await engine.flush();
    clock.advance(30_000);
    burst(engine, 5); // 16 in the window: still firing
    await engine.flush();
    clock.advance(45_000); // the first 11 slid out: 5 in the window, below the threshold since now
    await engine.flush();
    clock.advance(30_000);
    await engine.flush();
    expect(alerts.map((alert) => alert.status)).toEqual(['firing']);
    clock.advance(30_000); // a whole window below the threshold
    await engine.flush();
    expect(alerts.map((alert) => alert.status)).toEqual(['firing', 'resolved']);
    expect(alerts[1]).toMatchObject({ kind: 'burst', threshold: 10 });
    expect(alerts[1]!.groups[0]).toMatchObject({
      key: 'PaymentError|chargeCard',
      count: 0,
      lastSeen: T0 + 30_000,
    });
    clock.advance(60_000);
    await engine.flush();
    expect(alerts).toHaveLength(2);
  });

  it('sends no resolved alert unless asked to', async () => {
    const { engine, alerts, clock } = setup();
    burst(engine, 11);
    await engine.flush();
    for (let step = 0; step < 4; step++) {
      clock.advance(60_000);
      await engine.flush();
    }
    expect(alerts.map((alert) => alert.status)).toEqual(['firing']);
  });
});

describe('the alert', () => {
  it('carries the last event’s summary, its source and a link to Sentry', async () => {
    const { engine, alerts } = setup({ sentryUrl: 'https://acme.sentry.io/' });
    burst(engine, 10);
    const last = errorEvent({
      value: 'x'.repeat(500),
      extra: {
        tags: { a: '1', b: 2, c: true, d: 'x'.repeat(300), e: '5', f: '6', g: '7' },
        release: 'shop@2.0.0',
      },
    });
    engine.observe(last);
    await engine.flush();
    const [alert] = alerts;
    expect(alert).toMatchObject({ environment: 'production', release: 'shop@2.0.0', service: 'web-1' });
    expect(alert!.createdAt).toBe(T0);
    const group = alert!.groups[0]!;
    expect(group).toMatchObject({
      errorType: 'PaymentError',
      level: 'error',
      culprit: 'chargeCard',
      eventId: last.event_id,
      issueUrl: `https://acme.sentry.io/issues/?query=id:${last.event_id}`,
    });
    expect(group.title.startsWith('PaymentError: xxx')).toBe(true);
    expect(group.title.length).toBeLessThanOrEqual(200);
    expect(Object.keys(group.tags)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(group.tags.b).toBe('2');
    expect(group.tags.d!.length).toBeLessThanOrEqual(200);
  });

  it('caps group keys at 200 characters and names message events by their message', async () => {
    const { engine, alerts } = setup();
    burst(engine, 11, { fingerprint: ['f'.repeat(300)] });
    for (let index = 0; index < 11; index++)
      engine.observe({
        level: 'fatal',
        logentry: { message: 'queue %s is stuck', params: [index] },
        message: `q${index}`,
      });
    await engine.flush();
    const keys = alerts[0]!.groups.map((group) => group.key).sort();
    expect(keys).toEqual(['Message|queue %s is stuck', 'f'.repeat(200)]);
    const message = alerts[0]!.groups.find((group) => group.key.startsWith('Message'))!;
    expect(message).toMatchObject({ title: 'queue %s is stuck', level: 'fatal' });
  });

  it('has no issueUrl without sentryUrl', async () => {
    const { engine, alerts } = setup();
    burst(engine, 11);
    await engine.flush();
    expect(alerts[0]!.groups[0]!.issueUrl).toBeUndefined();
  });
});
