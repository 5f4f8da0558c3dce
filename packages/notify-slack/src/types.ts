import type { SlackDeliveryError } from './errors.js';

/** Backoff between retries of transient failures (5xx, timeouts, network errors). */
export interface BackoffOptions {
  /** Delay before the first retry; doubled for each further retry. Default 500 ms. */
  baseMs: number;
  /** The longest delay between two attempts. Default 30 000 ms. */
  capMs: number;
}

/** The part of a `fetch` response the notifier reads. `globalThis.fetch`'s `Response` has it. */
export interface SlackFetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the notifier passes to `fetch`: always a JSON `POST` with an abort signal. */
export interface SlackFetchInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** A `fetch`-compatible function; `globalThis.fetch` is one. */
export type SlackFetch = (url: string, init: SlackFetchInit) => Promise<SlackFetchResponse>;

/**
 * Options of {@link SlackNotifier}. Every option is validated by the constructor; a bad one
 * throws a `SlackNotifierError` naming it.
 */
export interface SlackNotifierOptions {
  /**
   * The Slack incoming-webhook URL (`https://hooks.slack.com/services/…`). Secret: it never
   * appears in an error, a message or a log. `https` only; `http` is accepted for `127.0.0.1`,
   * `localhost` and `::1`, for tests.
   */
  webhookUrl: string;
  /** Channel to post to, where the webhook allows it (`#alerts` or a channel id). Default: the webhook's. */
  channel?: string;
  /** The name the message is posted under, where the webhook allows it. Default: the webhook's. */
  username?: string;
  /** The `fetch` to post with. Default `globalThis.fetch`. */
  fetch?: SlackFetch;
  /** How long one attempt may take, response body included, before it is aborted and retried. Default 5000 ms. */
  timeoutMs?: number;
  /** How many times a transient failure (429, 5xx, timeout, network error) is retried. Default 5. */
  maxRetries?: number;
  /**
   * How long a message waits out Slack's rate limit (HTTP 429) in all, from its first 429. A 429
   * is Slack saying "later", not a failure: it does not use up `maxRetries` while this lasts.
   * Default 300 000 (5 minutes).
   */
  maxRateLimitWaitMs?: number;
  /** Delays between retries: capped exponential backoff with jitter. Default `{ baseMs: 500, capMs: 30_000 }`. */
  backoff?: Partial<BackoffOptions>;
  /** How many messages may wait; when full, the oldest waiting one is dropped and reported. Default 100. */
  maxQueue?: number;
  /**
   * The least time between two posts to the same webhook, shared by every notifier of the
   * process that posts to it. Default 1000 ms (Slack allows about one message per second per
   * webhook). Lower it only against a test receiver.
   */
  minIntervalMs?: number;
  /**
   * Called once for each message that is not delivered: rejected by Slack, given up after
   * retries, or dropped from a full queue. Default: one `console.warn` line. Never throws into
   * the notifier: an exception thrown here is ignored.
   */
  onError?: (error: SlackDeliveryError) => void;
}

/** What `SlackDeliveryError.reason` says went wrong. */
export type SlackDeliveryFailure =
  /** Slack answered with a status that retrying cannot fix (400, 403, 404, 410, …). */
  | 'rejected'
  /** Every retry of a transient failure failed. */
  | 'retries-exhausted'
  /** The queue was full and this, its oldest message, made room for a newer one. */
  | 'dropped'
  /** The alert could not be turned into a message. */
  | 'invalid-alert';

/** The input of `SlackNotifier.sendErrorNotification`, the helper kept from the first Slack integration. */
export interface ErrorNotification {
  /** The error's message. Scrub it first (`@faultline/scrub`'s `scrubString`): it is posted as given. */
  errorMessage: string;
  /** The error's type or class name, e.g. `PaymentError`. */
  errorType: string;
  /** How many times it happened. */
  errorCount: number;
  /** A link to the issue in Sentry, shown as a button. */
  sentryUrl?: string;
}

/** A Block Kit text object. */
export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}

/** A Block Kit link button. */
export interface SlackButton {
  type: 'button';
  text: SlackText;
  url: string;
  action_id?: string;
}

/** The Block Kit blocks this package builds. */
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text?: SlackText; fields?: SlackText[]; accessory?: SlackButton }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'divider' };

/** The JSON body posted to the webhook. */
export interface SlackMessage {
  /** Plain-text fallback, shown in notifications and by clients that cannot render blocks. */
  text: string;
  blocks: SlackBlock[];
  channel?: string;
  username?: string;
  unfurl_links: false;
  unfurl_media: false;
}

/** Options of {@link buildSlackMessage}: what goes into the payload besides the alert. */
export interface SlackMessageOptions {
  channel?: string;
  username?: string;
}
