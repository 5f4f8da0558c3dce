import type { Alert, Notifier } from '@faultline/alerts';
import { Clock } from './clock.js';
import { DeliveryQueue } from './delivery-queue.js';
import { errorNotificationAlert } from './error-notification.js';
import { SlackDeliveryError } from './errors.js';
import { buildSlackMessage } from './message.js';
import { resolveOptions } from './options.js';
import type { ErrorNotification, SlackMessageOptions, SlackNotifierOptions } from './types.js';
import { createUrlRedactor, redactWebhookUrl } from './webhook-url.js';

/** How long `flush()` waits by default. */
export const DEFAULT_FLUSH_TIMEOUT_MS = 10_000;

/** How many alert ids are remembered to drop an alert notified twice. */
const REMEMBERED_IDS = 1000;

function defaultOnError(error: SlackDeliveryError): void {
  console.warn(`[@faultline/notify-slack] ${error.message}`);
}

/**
 * Posts alerts to a Slack incoming webhook as Block Kit messages. `notify()` only queues; a
 * background loop posts at most one message per second per webhook, honours `Retry-After`,
 * retries 5xx, timeouts and network errors with capped exponential backoff, and reports what it
 * cannot deliver through `onError`. It never throws or rejects because Slack is down, its timers
 * never keep the process alive (except while `flush()` is awaited), and the webhook URL never
 * appears in an error or a log.
 *
 * ```ts
 * const slack = new SlackNotifier({ webhookUrl: process.env.SENTRY_SLACK_WEBHOOK_URL!, channel: '#alerts' });
 * createAlertEngine({ notifiers: [slack] });
 * ```
 */
export class SlackNotifier implements Notifier {
  /** The notifier's name, for the alert engine's reports. */
  readonly name = 'slack';
  readonly #queue: DeliveryQueue;
  readonly #clock = new Clock();
  readonly #messageOptions: SlackMessageOptions;
  readonly #onError: (error: SlackDeliveryError) => void;
  readonly #redact: (text: string) => string;
  readonly #shownUrl: string;
  /** Ids of alerts queued (`false`) or delivered (`true`), oldest first. */
  readonly #seen = new Map<string, boolean>();

  /** Validates `options`; throws a `SlackNotifierError` naming the first bad one. */
  constructor(options: SlackNotifierOptions) {
    const resolved = resolveOptions(options);
    this.#messageOptions = {
      ...(resolved.channel === undefined ? {} : { channel: resolved.channel }),
      ...(resolved.username === undefined ? {} : { username: resolved.username }),
    };
    this.#onError = resolved.onError ?? defaultOnError;
    this.#redact = createUrlRedactor(resolved.webhookUrl);
    this.#shownUrl = redactWebhookUrl(resolved.webhookUrl);
    this.#queue = new DeliveryQueue(resolved, {
      clock: this.#clock,
      shownUrl: this.#shownUrl,
      redact: this.#redact,
      report: (error) => this.#report(error),
    });
  }

  /**
   * Queues `alert` and returns at once; it is posted in the background. An alert whose `id` is
   * already queued or delivered is ignored, so a retried notification is posted once. Never rejects.
   */
  notify(alert: Alert): Promise<void> {
    this.#enqueue(alert, () => {});
    return Promise.resolve();
  }

  /**
   * The helper of the first Slack integration: posts "`errorType`: `errorMessage`", the count and
   * a link to Sentry as an alert message, through the same queue, limits and retries as
   * `notify()`. Resolves `true` once Slack accepted it, `false` when it was given up (also
   * reported through `onError`). Never rejects. Scrub `errorMessage` first: it is posted as given.
   */
  sendErrorNotification(notification: ErrorNotification): Promise<boolean> {
    return new Promise((resolve) => this.#enqueue(errorNotificationAlert(notification), resolve));
  }

  /**
   * Waits until every queued message has been delivered or given up, up to `timeoutMs` (default
   * 10 s; `Infinity` waits as long as it takes). Resolves `true` when the queue is empty, `false` on
   * timeout (deliveries then go on in the background). While it is awaited, the notifier's
   * timers keep the process alive.
   */
  async flush(timeoutMs: number = DEFAULT_FLUSH_TIMEOUT_MS): Promise<boolean> {
    if (this.#queue.idle) return true;
    const release = this.#clock.hold();
    let deadline: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<boolean>((resolve) => {
        const ms = Number(timeoutMs) === Number.POSITIVE_INFINITY ? undefined : Number(timeoutMs);
        const wait = ms === undefined || Number.isFinite(ms) ? ms : DEFAULT_FLUSH_TIMEOUT_MS;
        if (wait !== undefined) deadline = setTimeout(() => resolve(false), Math.max(0, wait));
      });
      return await Promise.race([this.#queue.whenIdle().then(() => true), timedOut]);
    } finally {
      clearTimeout(deadline);
      release();
    }
  }

  /**
   * What `JSON.stringify(notifier)` shows: the name and the redacted webhook URL. (`util.inspect`
   * shows nothing of the URL either: it is held in private fields.)
   */
  toJSON(): { name: string; webhookUrl: string } {
    return { name: this.name, webhookUrl: this.#shownUrl };
  }

  #enqueue(alert: Alert, resolve: (delivered: boolean) => void): void {
    const id = typeof alert?.id === 'string' ? alert.id : String(alert?.id ?? '');
    if (id !== '' && this.#seen.has(id)) {
      resolve(this.#seen.get(id) === true);
      return;
    }
    let body: string;
    try {
      body = JSON.stringify(buildSlackMessage(alert, this.#messageOptions));
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'error';
      this.#report(
        new SlackDeliveryError(
          `Slack alert ${JSON.stringify(id.slice(0, 100))} could not be built (${reason}).`,
          {
            alertId: id,
            reason: 'invalid-alert',
            permanent: true,
            attempts: 0,
          },
        ),
      );
      resolve(false);
      return;
    }
    this.#remember(id, false);
    let settled = false;
    this.#queue.enqueue({
      alertId: id,
      body,
      settle: (delivered) => {
        if (settled) return;
        settled = true;
        if (delivered) this.#remember(id, true);
        else if (id !== '') this.#seen.delete(id);
        resolve(delivered);
      },
    });
  }

  #remember(id: string, delivered: boolean): void {
    if (id === '') return;
    this.#seen.delete(id);
    this.#seen.set(id, delivered);
    if (this.#seen.size > REMEMBERED_IDS) this.#seen.delete(this.#seen.keys().next().value!);
  }

  #report(error: SlackDeliveryError): void {
    try {
      this.#onError(error);
    } catch {
      // onError must not break delivery: an exception it throws is ignored.
    }
  }
}
