import { createScrubber, type Scrubber } from '@faultline/scrub';
import type { CronOptions } from './check-ins.js';

/** Options of {@link withSentry}. */
export interface WithSentryOptions {
  /**
   * How a job's `queue.process` transaction relates to the producer's `queue.publish` span:
   * `'continue'` (default) joins the producer's trace; `'link'` starts a new trace per attempt
   * with a span link (`sentry.link.type: message_origin`) to the producer span.
   */
  trace?: 'continue' | 'link';
  /**
   * When a failed attempt is reported with `captureException`: `'final-attempt'` (default) only
   * when BullMQ will not retry the job (its last attempt, an `UnrecoverableError`, a discarded
   * job); `'every-attempt'` on each failure.
   */
  captureErrors?: 'final-attempt' | 'every-attempt';
  /** Put the job's data, scrubbed, in the `job` context of error events. Default `true`. */
  jobData?: boolean;
  /** Scrubs the job's data for the `job` context. Default: `createScrubber()` of `@faultline/scrub`. */
  scrubber?: Scrubber;
  /**
   * Send Sentry cron check-ins (`in_progress`, then `ok` or `error` for each attempt) for jobs of
   * job schedulers and repeatable jobs. Off by default; `true` uses the defaults of {@link CronOptions}.
   */
  cron?: boolean | CronOptions;
}

/** {@link WithSentryOptions} checked, with defaults filled in. */
export interface ResolvedOptions {
  link: boolean;
  everyAttempt: boolean;
  scrubber: Scrubber | undefined;
  cron: CronOptions | undefined;
}

function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!;
  if (allowed.includes(value)) return value;
  throw new TypeError(
    `Invalid withSentry option \`${name}\`: ${JSON.stringify(value)}. Use ${allowed.map((a) => `'${a}'`).join(' or ')}.`,
  );
}

/** Checks the options once, when the processor is wrapped: a bad one throws a `TypeError` naming it. */
export function resolveOptions(options: WithSentryOptions = {}): ResolvedOptions {
  const trace = oneOf('trace', options.trace, ['continue', 'link'] as const);
  const captureErrors = oneOf('captureErrors', options.captureErrors, [
    'final-attempt',
    'every-attempt',
  ] as const);
  const { cron, jobData = true } = options;
  if (cron !== undefined && typeof cron !== 'boolean' && (typeof cron !== 'object' || cron === null))
    throw new TypeError(
      'Invalid withSentry option `cron`: use true, false or { monitorSlug, monitorConfig }.',
    );
  return {
    link: trace === 'link',
    everyAttempt: captureErrors === 'every-attempt',
    scrubber: jobData ? (options.scrubber ?? createScrubber()) : undefined,
    cron: cron === true ? {} : cron || undefined,
  };
}
