import type { z } from 'zod';
import type { VARIABLES } from './schema.js';

/** Environment variables as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A zod schema that parses the trimmed, non-empty text of one environment variable. */
export type ValueSchema<Output = unknown> = z.ZodType<Output, string>;

/** A default computed from other variables, such as `SENTRY_ENVIRONMENT` from `NODE_ENV`. */
export interface DerivedDefault {
  /** The default as the docs describe it (Markdown). */
  readonly describe: string;
  /** The text to parse when the variable is unset, and the variable it came from, if any. */
  resolve(env: Env): { value: string; from?: string };
}

/** One environment variable: how it is parsed, where it lands in the config, and its docs. */
export interface VariableDefinition<
  Name extends string = string,
  Path extends string = string,
  Schema extends ValueSchema = ValueSchema,
  Default extends string | DerivedDefault | undefined = string | DerivedDefault | undefined,
> {
  /** The variable, e.g. `SENTRY_DSN`. */
  readonly name: Name;
  /** Where its value lands in {@link FaultlineConfig}, e.g. `sentry.dsn`. */
  readonly path: Path;
  /** Parses the trimmed value; its issue messages say what the value must be. */
  readonly schema: Schema;
  /** What it does (Markdown), for the README table and `.env.example`. */
  readonly description: string;
  /** A good value, shown in error messages, the docs and `.env.example`. */
  readonly example: string;
  /** Used when the variable is unset or empty: a value as written in the environment, or derived. */
  readonly default?: Default;
  /** True for credentials: the value is never shown, only a redacted form. */
  readonly secret: boolean;
}

type Definition = (typeof VARIABLES)[number];

/** The value a variable puts into the config: its schema's output, or undefined when unset without default. */
export type ValueOf<D> =
  D extends VariableDefinition<string, string, infer Schema, infer Default>
    ? [Default] extends [undefined]
      ? z.output<Schema> | undefined
      : z.output<Schema>
    : never;

/** The settings whose path is `<Prefix>.<key>`, typed from the schema table. */
export type SettingsAt<Prefix extends string> = {
  [D in Definition as D['path'] extends `${Prefix}.${infer Key}`
    ? Key extends `${string}.${string}`
      ? never
      : Key
    : never]: ValueOf<D>;
};

/** Settings for `Sentry.init`. `enabled` is true when `SENTRY_DSN` is set. */
export interface SentryConfig extends SettingsAt<'sentry'> {
  enabled: boolean;
}

/** Email alerts (`@faultline/notify-email`). */
export interface EmailAlertsConfig extends SettingsAt<'alerts.email'> {}

/** Slack alerts (`@faultline/notify-slack`). */
export interface SlackAlertsConfig extends SettingsAt<'alerts.slack'> {}

/** Burst and error-rate alerts (`@faultline/alerts`). `enabled` is true when a channel is enabled. */
export interface AlertsConfig extends SettingsAt<'alerts'> {
  enabled: boolean;
  email: EmailAlertsConfig;
  slack: SlackAlertsConfig;
}

/** Options for `@faultline/scrub`. */
export interface ScrubConfig extends SettingsAt<'scrub'> {}

/** Options for `@faultline/fingerprint`. */
export interface FingerprintConfig extends SettingsAt<'fingerprint'> {}

/**
 * Every Faultline setting, as `loadConfig` reads it from the environment. Each leaf comes
 * from one variable of `VARIABLES` (see the README table); `sentry.enabled` and `alerts.enabled`
 * are derived.
 */
export interface FaultlineConfig {
  sentry: SentryConfig;
  alerts: AlertsConfig;
  scrub: ScrubConfig;
  fingerprint: FingerprintConfig;
}

/** One problem with one variable. */
export interface ConfigIssue {
  /** The variable, e.g. `SENTRY_TRACES_SAMPLE_RATE`. */
  key: string;
  /** What is wrong, the value (redacted when secret) and an example of a good value. */
  message: string;
}
