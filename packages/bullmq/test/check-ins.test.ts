import { describe, expect, it } from 'vitest';
import { monitorConfigOf, toMonitorSlug } from '../src/check-ins.js';
import type { SentryJob } from '../src/job.js';

/** A job as a job scheduler creates it: its repeat options are in `opts.repeat`. */
function scheduled(repeat: Record<string, unknown>): SentryJob {
  return { opts: { repeat } } as unknown as SentryJob;
}

describe('toMonitorSlug', () => {
  it('makes a job scheduler id into a Sentry monitor slug', () => {
    expect(toMonitorSlug('Nightly Report')).toBe('nightly-report');
    expect(toMonitorSlug('  billing:sync/EU  ')).toBe('billing-sync-eu');
    expect(toMonitorSlug('keep_under-scores')).toBe('keep_under-scores');
    expect(toMonitorSlug('x'.repeat(80))).toHaveLength(50);
  });
});

describe('monitorConfigOf', () => {
  it('turns a 5-field pattern into a crontab schedule, with the timezone', () => {
    expect(monitorConfigOf(scheduled({ pattern: '0 3 * * *', tz: 'Europe/Paris' }), undefined)).toEqual({
      schedule: { type: 'crontab', value: '0 3 * * *' },
      timezone: 'Europe/Paris',
    });
  });

  it('drops a leading seconds field of 0, and gives up on other 6-field patterns', () => {
    expect(monitorConfigOf(scheduled({ pattern: '0 */5 * * * *' }), undefined)).toEqual({
      schedule: { type: 'crontab', value: '*/5 * * * *' },
    });
    expect(monitorConfigOf(scheduled({ pattern: '*/10 * * * * *' }), undefined)).toBeUndefined();
  });

  it('turns an every of whole minutes into an interval, and gives up on seconds', () => {
    expect(monitorConfigOf(scheduled({ every: 300_000 }), undefined)).toEqual({
      schedule: { type: 'interval', value: 5, unit: 'minute' },
    });
    expect(monitorConfigOf(scheduled({ every: 30_000 }), undefined)).toBeUndefined();
    expect(monitorConfigOf(scheduled({ every: 90_000 }), undefined)).toBeUndefined();
  });

  it('merges the given monitor config over what the job gives', () => {
    const given = { checkinMargin: 2, maxRuntime: 10 };
    expect(monitorConfigOf(scheduled({ every: 60_000 }), given)).toEqual({
      schedule: { type: 'interval', value: 1, unit: 'minute' },
      checkinMargin: 2,
      maxRuntime: 10,
    });
    const schedule = { type: 'crontab', value: '15 * * * *' } as const;
    expect(monitorConfigOf(scheduled({ every: 1_000 }), { schedule })).toEqual({ schedule });
  });
});
