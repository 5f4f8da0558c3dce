import { captureCheckIn, type MonitorConfig } from '@sentry/core';
import type { SentryJob } from './job.js';

/** Cron monitoring of job schedulers and repeatable jobs: `withSentry(processor, { cron: {...} })`. */
export interface CronOptions {
  /**
   * The Sentry monitor slug of a job, or `undefined` to send no check-in for it. Default: the job
   * scheduler's id (`job.repeatJobKey`) made into a slug, for jobs a scheduler created; no check-in
   * for other jobs. (For BullMQ 5's legacy repeatable jobs `repeatJobKey` is a generated key:
   * give them a slug here.)
   */
  monitorSlug?: (job: SentryJob) => string | undefined;
  /**
   * Sent with each `in_progress` check-in so that Sentry creates or updates the monitor, merged over
   * what the job's repeat options give: a 5-field `pattern` (or 6 fields starting with seconds `0`)
   * becomes a crontab schedule, an `every` of whole minutes an interval, `tz` the timezone.
   */
  monitorConfig?: Partial<MonitorConfig>;
}

/** Finishes a check-in: `ok` or `error`, with the duration since it started. */
export type FinishCheckIn = (status: 'ok' | 'error') => void;

/** A Sentry monitor slug: lower case letters, digits, `-` and `_`, at most 50 characters. */
export function toMonitorSlug(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** The repeat options BullMQ stores in the options of each job a job scheduler creates. */
function repeatOf(job: SentryJob): { pattern?: string; every?: number; tz?: string } | undefined {
  return (job.opts as { repeat?: { pattern?: string; every?: number; tz?: string } }).repeat;
}

function scheduleOf(job: SentryJob): MonitorConfig['schedule'] | undefined {
  const repeat = repeatOf(job);
  const fields = repeat?.pattern?.trim().split(/\s+/);
  if (fields?.length === 6 && /^0+$/.test(fields[0] ?? '')) fields.shift();
  if (fields?.length === 5) return { type: 'crontab', value: fields.join(' ') };
  const every = repeat?.every;
  if (typeof every === 'number' && every >= 60_000 && every % 60_000 === 0)
    return { type: 'interval', value: every / 60_000, unit: 'minute' };
  return undefined;
}

/** The monitor config of a job: what its repeat options give, with `given` over it. */
export function monitorConfigOf(
  job: SentryJob,
  given: Partial<MonitorConfig> | undefined,
): MonitorConfig | undefined {
  const schedule = given?.schedule ?? scheduleOf(job);
  if (!schedule) return undefined;
  const timezone = repeatOf(job)?.tz;
  return { ...(timezone ? { timezone } : {}), ...given, schedule };
}

/** Sends the `in_progress` check-in of a job and returns how to finish it; `undefined` for no monitor. */
export function startCheckIn(job: SentryJob, options: CronOptions): FinishCheckIn | undefined {
  const monitorSlug = options.monitorSlug
    ? options.monitorSlug(job)
    : job.repeatJobKey
      ? toMonitorSlug(job.repeatJobKey)
      : undefined;
  if (!monitorSlug) return undefined;
  const started = Date.now();
  const checkInId = captureCheckIn(
    { monitorSlug, status: 'in_progress' },
    monitorConfigOf(job, options.monitorConfig),
  );
  return (status) =>
    void captureCheckIn({ checkInId, monitorSlug, status, duration: (Date.now() - started) / 1000 });
}
