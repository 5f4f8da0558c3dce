import { z } from 'zod';
import { nodeEnvOrProduction, onWhenSet, variable } from './define-variable.js';
import { FINGERPRINT_RULE_NAMES, SCRUB_DETECTOR_NAMES } from './known-names.js';
import {
  booleanValue,
  dottedPath,
  duration,
  emailAddress,
  environmentName,
  list,
  mailbox,
  numberBetween,
  oneOf,
  positiveInteger,
  releaseName,
  serviceName,
  slackChannel,
} from './parsers.js';
import { redisUrl, sentryDsn, smtpUrl, webhookUrl } from './url-parsers.js';

/**
 * Every environment variable Faultline reads, in the order of the docs. This table is the single
 * source of the config's type (`FaultlineConfig`), of its validation, of the README table and of
 * `.env.example`. An empty or whitespace-only value counts as unset.
 */
export const VARIABLES = [
  variable({
    name: 'SENTRY_DSN',
    path: 'sentry.dsn',
    schema: sentryDsn,
    description: 'DSN of your Sentry project (Project Settings → Client Keys). Unset: Sentry is disabled.',
    example: 'https://examplePublicKey@o0.ingest.sentry.io/0',
    secret: true,
  }),
  variable({
    name: 'SENTRY_ENVIRONMENT',
    path: 'sentry.environment',
    schema: environmentName,
    description: 'Environment every event is tagged with: `production`, `staging`, …',
    example: 'staging',
    default: nodeEnvOrProduction,
    secret: false,
  }),
  variable({
    name: 'APP_VERSION',
    path: 'sentry.release',
    schema: releaseName,
    description:
      'Release every event is tagged with, as named when uploading source maps. Unset: the SDK detects one.',
    example: 'my-api@1.4.2',
    secret: false,
  }),
  variable({
    name: 'SENTRY_TRACES_SAMPLE_RATE',
    path: 'sentry.tracesSampleRate',
    schema: numberBetween(0, 1),
    description: 'Share of requests traced, from 0 to 1. Unset: tracing is off.',
    example: '0.1',
    secret: false,
  }),
  variable({
    name: 'SENTRY_PROFILES_SAMPLE_RATE',
    path: 'sentry.profileSessionSampleRate',
    schema: numberBetween(0, 1),
    description:
      "Share of processes profiled while they trace, from 0 to 1: Sentry's `profileSessionSampleRate` with `profileLifecycle: 'trace'` (needs `@sentry/profiling-node`). Unset: profiling is off.",
    example: '0.1',
    secret: false,
  }),
  variable({
    name: 'SENTRY_CRITICAL_ERROR_THRESHOLD',
    path: 'alerts.criticalThreshold',
    schema: positiveInteger(),
    description:
      'A critical alert is raised when more errors of one kind than this arrive within the critical window (10: the 11th alerts).',
    example: '25',
    default: '10',
    secret: false,
  }),
  variable({
    name: 'SENTRY_CRITICAL_ERROR_WINDOW',
    path: 'alerts.criticalWindowMs',
    schema: duration(),
    description:
      'Sliding window the critical threshold counts over: `500ms`, `60s`, `5m`, `1h`, or milliseconds.',
    example: '2m',
    default: '60s',
    secret: false,
  }),
  variable({
    name: 'SENTRY_ERROR_RATE_THRESHOLD',
    path: 'alerts.errorRateThreshold',
    schema: numberBetween(0, 1, { exclusiveMin: true }),
    description:
      'Share of failed requests in the window above which an error-rate alert is raised (`0.01` is 1%).',
    example: '0.05',
    default: '0.01',
    secret: false,
  }),
  variable({
    name: 'SENTRY_ERROR_RATE_MIN_REQUESTS',
    path: 'alerts.errorRateMinRequests',
    schema: positiveInteger(),
    description:
      'Requests the window must hold before its error rate is judged, so 1 failure in 3 requests does not page.',
    example: '500',
    default: '100',
    secret: false,
  }),
  variable({
    name: 'SENTRY_ALERT_REPEAT_INTERVAL',
    path: 'alerts.repeatIntervalMs',
    schema: duration(),
    description: 'How long an alert that keeps firing stays quiet before it is sent again.',
    example: '1h',
    default: '30m',
    secret: false,
  }),
  variable({
    name: 'SENTRY_ALERT_REDIS_URL',
    path: 'alerts.redisUrl',
    schema: redisUrl,
    description:
      'Redis holding alert state for the whole fleet, so many instances send one alert. Unset: state is in memory, per process.',
    example: 'rediss://:password@redis.internal:6380/0',
    secret: true,
  }),
  variable({
    name: 'SENTRY_EMAIL_ALERTS_ENABLED',
    path: 'alerts.email.enabled',
    schema: booleanValue,
    description: 'Send alerts by email. Needs `SMTP_URL` and `SENTRY_ALERT_EMAIL_RECIPIENTS`.',
    example: 'true',
    default: onWhenSet('SENTRY_ALERT_EMAIL_RECIPIENTS'),
    secret: false,
  }),
  variable({
    name: 'SENTRY_ALERT_EMAIL_RECIPIENTS',
    path: 'alerts.email.recipients',
    schema: list(emailAddress, 'email addresses'),
    description: 'Who receives alert emails, comma-separated.',
    example: 'oncall@example.com,sre@example.com',
    default: '',
    secret: false,
  }),
  variable({
    name: 'SENTRY_ALERT_EMAIL_FROM',
    path: 'alerts.email.from',
    schema: mailbox,
    description:
      'Sender of alert emails, an address or `Name <address>`; many SMTP servers require their own.',
    example: 'Faultline <alerts@example.com>',
    secret: false,
  }),
  variable({
    name: 'SMTP_URL',
    path: 'alerts.email.smtpUrl',
    schema: smtpUrl,
    description:
      'SMTP server for alert emails: `smtps://` (TLS, usually port 465) or `smtp://` (STARTTLS, port 587), user and password percent-encoded.',
    example: 'smtps://alerts:password@smtp.example.com:465',
    secret: true,
  }),
  variable({
    name: 'SENTRY_SLACK_ALERTS_ENABLED',
    path: 'alerts.slack.enabled',
    schema: booleanValue,
    description: 'Send alerts to Slack. Needs `SENTRY_SLACK_WEBHOOK_URL`.',
    example: 'true',
    default: onWhenSet('SENTRY_SLACK_WEBHOOK_URL'),
    secret: false,
  }),
  variable({
    name: 'SENTRY_SLACK_WEBHOOK_URL',
    path: 'alerts.slack.webhookUrl',
    schema: webhookUrl,
    description: 'Slack incoming-webhook URL; https only (`http://localhost` is allowed for tests).',
    example: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    secret: true,
  }),
  variable({
    name: 'SENTRY_SLACK_CHANNEL',
    path: 'alerts.slack.channel',
    schema: slackChannel,
    description: "Channel to post to, where the webhook allows it. Unset: the webhook's own channel.",
    example: '#alerts',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_ENABLED',
    path: 'scrub.enabled',
    schema: booleanValue,
    description:
      'Scrub secrets and personal data from everything sent to Sentry. Turn off only to debug locally.',
    example: 'true',
    default: 'true',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_EXTRA_KEYS',
    path: 'scrub.extraKeys',
    schema: list(z.string(), 'key names'),
    description:
      'More sensitive key names, comma-separated; matched like the built-in ones (case and separators ignored).',
    example: 'employeeId,member_number',
    default: '',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_ALLOW_KEYS',
    path: 'scrub.allowKeys',
    schema: list(z.string(), 'key names'),
    description:
      'Key names never filtered because of their name (content detectors still run), comma-separated.',
    example: 'token_count,auth_method',
    default: '',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_ALLOW_PATHS',
    path: 'scrub.allowPaths',
    schema: list(dottedPath, 'dotted paths'),
    description: 'Dotted paths left untouched, comma-separated: `*` matches one segment, `**` any number.',
    example: 'request.headers.x-request-id,extra.*.orderId',
    default: '',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_DISABLED_DETECTORS',
    path: 'scrub.disabledDetectors',
    schema: list(oneOf(SCRUB_DETECTOR_NAMES, 'scrub detector'), 'detector names'),
    description: `Built-in detectors of \`@faultline/scrub\` to turn off, comma-separated: ${SCRUB_DETECTOR_NAMES.map((name) => `\`${name}\``).join(', ')}.`,
    example: 'ipv4,home-directory',
    default: '',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_SCRUB_PSEUDONYM_KEY',
    path: 'scrub.pseudonymKey',
    schema: z
      .string()
      .min(16, 'must be a secret of at least 16 characters, e.g. from `openssl rand -hex 32`'),
    description:
      'Secret key for pseudonyms: a user without an id gets `anon:<HMAC of their email or IP>`, so Sentry still counts users. Keep it stable. Unset: no pseudonyms.',
    example: '3f9c2b7e1d5a48c6b0e4f7a2d9c1e8b5',
    secret: true,
  }),
  variable({
    name: 'FAULTLINE_FINGERPRINT_ENABLED',
    path: 'fingerprint.enabled',
    schema: booleanValue,
    description: "Group errors with Faultline's fingerprint rules; `false` keeps Sentry's own grouping.",
    example: 'true',
    default: 'true',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_FINGERPRINT_DISABLED_RULES',
    path: 'fingerprint.disabledRules',
    schema: list(oneOf(FINGERPRINT_RULE_NAMES, 'fingerprint rule'), 'rule names'),
    description: `Built-in grouping rules to turn off, comma-separated: ${FINGERPRINT_RULE_NAMES.map((name) => `\`${name}\``).join(', ')}.`,
    example: 'rate-limit',
    default: '',
    secret: false,
  }),
  variable({
    name: 'FAULTLINE_FINGERPRINT_SERVICES',
    path: 'fingerprint.services',
    schema: list(serviceName, 'host=name pairs').transform(
      (pairs) => Object.fromEntries(pairs) as Record<string, string>,
    ),
    description:
      'Names for hosts in the fingerprints of external-service errors, `host=name`, comma-separated.',
    example: 'api.stripe.com=stripe,api.github.com=github',
    default: '',
    secret: false,
  }),
] as const;
