import type { SlackDeliveryFailure } from './types.js';

/**
 * Thrown by the `SlackNotifier` constructor for an option it cannot use. `option` names it, e.g.
 * `webhookUrl` or `backoff.capMs`; the message says how to fix it. A webhook URL is never
 * echoed, only its redacted form (`https://hooks.slack.com/services/…`).
 */
export class SlackNotifierError extends TypeError {
  override readonly name = 'SlackNotifierError';
  constructor(
    /** The option that is wrong. */
    readonly option: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid Slack notifier option \`${option}\`: ${problem}. ${fix}`);
  }
}

/** The fields of a {@link SlackDeliveryError}, besides its message. */
export interface SlackDeliveryErrorDetails {
  alertId: string;
  reason: SlackDeliveryFailure;
  permanent: boolean;
  attempts: number;
  status?: number;
  slackError?: string;
}

/**
 * Passed to `onError` once for each message that was not delivered. It never holds the webhook
 * URL (only its redacted form, in the message) nor the underlying error object.
 */
export class SlackDeliveryError extends Error {
  override readonly name = 'SlackDeliveryError';
  /** The `id` of the alert the message was for. */
  readonly alertId: string;
  /** Why the message was not delivered. */
  readonly reason: SlackDeliveryFailure;
  /** True when retrying would not help (Slack rejected the message); such messages are never retried. */
  readonly permanent: boolean;
  /** How many HTTP attempts were made (0 for a message dropped before its first). */
  readonly attempts: number;
  /** The HTTP status of the last answer, when there was one. */
  readonly status?: number;
  /** Slack's error text (the response body, at most 200 characters), e.g. `channel_not_found`. */
  readonly slackError?: string;

  constructor(message: string, details: SlackDeliveryErrorDetails) {
    super(message);
    this.alertId = details.alertId;
    this.reason = details.reason;
    this.permanent = details.permanent;
    this.attempts = details.attempts;
    if (details.status !== undefined) this.status = details.status;
    if (details.slackError !== undefined) this.slackError = details.slackError;
  }
}
