import type { AlertEngine, AlertStore, Notifier } from '@faultline/alerts';
import { ConfigError, type Env, loadConfig } from '@faultline/config';
import type { Fingerprinter } from '@faultline/fingerprint';
import type { Scrubber } from '@faultline/scrub';
import type { Client, Integration } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { setActiveScrubber } from './active.js';
import { alertEngineFrom } from './alert-engine.js';
import type { Mode } from './lean.js';
import { type LogLine, warnLine } from './log.js';
import { applyOverrides, type ConfigOverrides, describeOverrideIssues } from './overrides.js';
import { coresFrom, pipelineIntegrations } from './pipeline.js';
import { loadProfiling } from './profiling.js';
import { sentryOptionsFrom } from './sentry-options.js';

/** Options of {@link init}: where to read settings, overrides of any setting, and additions. */
export interface InitOptions extends ConfigOverrides {
  /** The environment to read the settings from. Default `process.env`. */
  env?: Env;
  /**
   * More options for `Sentry.init` (`transport`, `integrations`, `beforeSend`, `sampleRate`, …).
   * They win over the settings from the environment; Faultline's integrations are added after yours.
   */
  sentryOptions?: Sentry.NodeOptions;
  /** Notifiers besides the Slack and email ones the settings turn on. */
  notifiers?: readonly Notifier[];
  /** Alert state of your own; default Redis at `SENTRY_ALERT_REDIS_URL`, else in memory. */
  alertStore?: AlertStore;
  /** Where Faultline's own one-line messages go. Default `console.warn`, prefixed `[faultline]`. */
  log?: LogLine;
  /**
   * `'standard'` (default): all of `@sentry/node`'s instrumentation. `'lean'`: no HTTP server and
   * Express instrumentation, so an unsampled request costs almost nothing; `@faultline/express`'s
   * `requestHandler` then scopes each request and traces the sampled ones (see the README for
   * what lean mode gives up).
   */
  mode?: Mode;
}

/** What {@link init} set up. */
export interface Faultline {
  /** The alert engine: pass it to `@faultline/express`'s `requestHandler({ alerts })` for error rates. */
  alerts: AlertEngine;
  /** The scrubber the pipeline uses, for data you send elsewhere (and for the adapters). */
  scrubber: Scrubber;
  /** The fingerprinter the pipeline uses; `explain(event)` says why an event got its fingerprint. */
  fingerprinter: Fingerprinter;
  /** True when events go to Sentry (a DSN is set). */
  sentryEnabled: boolean;
  /**
   * Flushes and closes Sentry, then the alerts and their notifiers, each within `timeoutMs`
   * (default 2 000). Resolves false when either timed out.
   */
  close(timeoutMs?: number): Promise<boolean>;
}

function loadSettings(options: InitOptions) {
  const {
    env = process.env,
    sentryOptions: _s,
    notifiers: _n,
    alertStore: _a,
    log: _l,
    mode: _m,
    ...overrides
  } = options;
  const applied = applyOverrides(env, overrides as ConfigOverrides);
  try {
    return loadConfig(applied.env);
  } catch (error) {
    throw error instanceof ConfigError ? describeOverrideIssues(error, applied.overridden) : error;
  }
}

function modeOf(mode: unknown): Mode {
  if (mode === undefined || mode === 'standard' || mode === 'lean') return mode ?? 'standard';
  throw new ConfigError([
    { key: 'init({ mode })', message: `must be 'standard' or 'lean', got ${JSON.stringify(mode)}.` },
  ]);
}

/** Without a DSN the SDK sets up no integration; the pipeline is added by hand so alerts still work. */
function addByHand(client: Client | undefined, pipeline: readonly Integration[]): void {
  for (const integration of pipeline) client?.addIntegration(integration);
}

/**
 * Runs Sentry with Faultline's pipeline, every setting read from environment variables (see
 * `@faultline/config`): errors are fingerprinted, then scrubbed (failing closed), then counted
 * for alerts sent to Slack and email, on every path (errors, transactions, spans, breadcrumbs,
 * logs). Throws `ConfigError` listing every bad setting. Without `SENTRY_DSN`, Sentry is
 * disabled (one line says so) and alerts still work. Call it once, as early as possible.
 *
 * @example
 * // instrument.mjs, loaded with `node --import ./instrument.mjs app.mjs`
 * import { init } from '@faultline/node';
 * export const faultline = init();
 */
export function init(options: InitOptions = {}): Faultline {
  const log = options.log ?? warnLine;
  const mode = modeOf(options.mode);
  const config = loadSettings(options);
  const cores = coresFrom(config);
  const alerts = alertEngineFrom(
    config.alerts,
    {
      ...(options.notifiers ? { notifiers: options.notifiers } : {}),
      ...(options.alertStore ? { store: options.alertStore } : {}),
    },
    log,
  );
  const pipeline = pipelineIntegrations(config, cores, alerts);
  const profiling = config.sentry.profileSessionSampleRate === undefined ? undefined : loadProfiling(log);
  const user = options.sentryOptions ?? {};
  const sentryEnabled = Boolean(user.dsn ?? config.sentry.dsn) && user.enabled !== false;
  const client = Sentry.init(
    sentryOptionsFrom(
      config,
      user,
      pipeline,
      profiling ? [profiling] : [],
      config.scrub.enabled ? cores.scrubber : undefined,
      mode,
    ),
  );
  if (!sentryEnabled) {
    addByHand(client ?? Sentry.getClient(), pipeline.integrations);
    log('SENTRY_DSN is not set: Sentry is disabled. Scrubbing, grouping and alerts still run.');
  }
  if (!config.scrub.enabled) log('FAULTLINE_SCRUB_ENABLED=false: events are sent to Sentry unscrubbed.');
  setActiveScrubber(config.scrub.enabled ? cores.scrubber : null);
  return {
    alerts,
    scrubber: cores.scrubber,
    fingerprinter: cores.fingerprinter,
    sentryEnabled,
    async close(timeoutMs = 2_000) {
      // Sentry first: the events it still sends are counted before the alerts close
      const sentryClosed = await Sentry.close(timeoutMs);
      const alertsClosed = await alerts.close(timeoutMs);
      return sentryClosed && alertsClosed;
    },
  };
}
