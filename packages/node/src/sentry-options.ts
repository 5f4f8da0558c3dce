import type { FaultlineConfig } from '@faultline/config';
import type { Scrubber } from '@faultline/scrub';
import type { Integration } from '@sentry/core';
import type { NodeOptions } from '@sentry/node';
import { countingDedupe } from './dedupe.js';
import { leanDefaults, type Mode } from './lean.js';
import type { Pipeline } from './pipeline.js';

type Integrations = NodeOptions['integrations'];

/** Your integrations (an array added to the defaults, or a function of them), then Faultline's. */
function withPipeline(user: Integrations, pipeline: Pipeline, extra: readonly Integration[], mode: Mode) {
  return (sdkDefaults: Integration[]): Integration[] => {
    const defaults = (mode === 'lean' ? leanDefaults(sdkDefaults) : sdkDefaults).map((integration) =>
      integration.name === 'Dedupe' ? countingDedupe(integration, pipeline.countDropped) : integration,
    );
    const chosen = typeof user === 'function' ? user(defaults) : [...defaults, ...(user ?? [])];
    return [...chosen, ...pipeline.integrations, ...extra];
  };
}

/** Runs your callback, then scrubs what it returns: the SDK calls these after Faultline's hooks. */
function scrubbedAfter<T>(callback: ((item: T) => T | null) | undefined, scrub: (item: T) => T | null) {
  if (callback === undefined) return undefined;
  const wrapped = (item: T) => {
    const result = callback(item);
    return result === null || result === undefined ? result : scrub(result);
  };
  // `withStaticSpan` marks a beforeSendSpan callback with `_static`; the wrapper keeps the mark
  if ('_static' in callback) Object.defineProperty(wrapped, '_static', { value: callback._static });
  return wrapped;
}

function defined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The options of `Sentry.init`: the config's, then yours (they win), then the pipeline, added
 * after your integrations (which see the lean defaults in lean mode, and Dedupe counting the
 * duplicates it drops for alerts), and your `beforeSendSpan`/`beforeSendLog`, whose results are scrubbed.
 */
export function sentryOptionsFrom(
  config: FaultlineConfig,
  user: NodeOptions,
  pipeline: Pipeline,
  extra: readonly Integration[],
  scrubber: Scrubber | undefined,
  mode: Mode,
): NodeOptions {
  const { sentry } = config;
  const profiling =
    sentry.profileSessionSampleRate === undefined
      ? {}
      : { profileSessionSampleRate: sentry.profileSessionSampleRate, profileLifecycle: 'trace' as const };
  const options: NodeOptions = {
    ...defined({
      dsn: sentry.dsn,
      environment: sentry.environment,
      release: sentry.release,
      tracesSampleRate: sentry.tracesSampleRate,
    }),
    ...profiling,
    ...user,
    integrations: withPipeline(user.integrations, pipeline, extra, mode),
  };
  if (scrubber === undefined) return options;
  const beforeSendSpan = scrubbedAfter(
    user.beforeSendSpan as ((span: object) => object | null) | undefined,
    (span) => scrubber.scrubSpan(span as never),
  );
  const beforeSendLog = scrubbedAfter(user.beforeSendLog, (log) => scrubber.scrubLog(log));
  return {
    ...options,
    ...(beforeSendSpan === undefined
      ? {}
      : { beforeSendSpan: beforeSendSpan as NodeOptions['beforeSendSpan'] }),
    ...(beforeSendLog === undefined ? {} : { beforeSendLog }),
  };
}
