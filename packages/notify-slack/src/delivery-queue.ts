import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { Clock } from './clock.js';
import { SlackDeliveryError, type SlackDeliveryErrorDetails } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { type AttemptResult, postOnce } from './post.js';
import { deferWebhook, reserveSlot } from './rate-limiter.js';
import { oneLine } from './text.js';

/** One message waiting to be posted. */
export interface QueuedMessage {
  alertId: string;
  /** The JSON body. */
  body: string;
  /** Called once: true when Slack accepted it, false when it was given up or dropped. */
  settle(delivered: boolean): void;
}

/** What the queue needs besides the notifier's options. */
export interface DeliveryContext {
  clock: Clock;
  /** The webhook URL as it may be shown: `https://hooks.slack.com/services/…`. */
  shownUrl: string;
  /** Removes the webhook URL and its parts from a text. */
  redact(text: string): string;
  /** Hands a delivery error to the user's `onError`; never throws. */
  report(error: SlackDeliveryError): void;
}

/**
 * A bounded first-in, first-out queue of messages to one webhook, posted one at a time, each
 * waiting for its rate-limit slot, retried on transient failures. Nothing it does throws or
 * rejects; every message is settled exactly once.
 */
export class DeliveryQueue {
  readonly #waiting: QueuedMessage[] = [];
  readonly #idleWaiters: Array<() => void> = [];
  /** Messages already reported and settled as failed, so that nothing reports them twice. */
  readonly #failed = new WeakSet<QueuedMessage>();
  #running = false;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly context: DeliveryContext,
  ) {}

  /** True when nothing is waiting or being posted. */
  get idle(): boolean {
    return !this.#running && this.#waiting.length === 0;
  }

  /** Adds a message; when the queue is full, the oldest waiting message is dropped and reported. */
  enqueue(message: QueuedMessage): void {
    while (this.#waiting.length >= this.options.maxQueue) {
      const dropped = this.#waiting.shift()!;
      this.#fail(dropped, {
        reason: 'dropped',
        permanent: false,
        attempts: 0,
        text: `dropped: the queue of ${this.options.maxQueue} messages was full (Slack slow or unreachable)`,
      });
    }
    this.#waiting.push(message);
    this.#drain().catch(() => {});
  }

  /** Resolves when the queue is next idle. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let message = this.#waiting.shift(); message !== undefined; message = this.#waiting.shift()) {
        const current = message;
        const delivered = await this.#deliver(current).catch(() => {
          this.#fail(current, { reason: 'retries-exhausted', permanent: false, attempts: 0, text: 'failed' });
          return false;
        });
        if (delivered === true) current.settle(true);
      }
    } finally {
      this.#running = false;
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }

  /** Posts until delivered (true) or given up (reported, settled false, returns false). */
  async #deliver(message: QueuedMessage): Promise<boolean> {
    const { fetch, maxRetries, maxRateLimitWaitMs, timeoutMs, minIntervalMs, backoff, webhookUrl } =
      this.options;
    const key = webhookUrl.href;
    let notBefore = 0;
    let retries = 0; // failures other than waiting out a rate limit
    let limitedSince: number | undefined;
    for (let attempts = 1; ; attempts++) {
      const wait = reserveSlot(key, minIntervalMs, notBefore);
      if (wait > 0) await this.context.clock.sleep(wait);
      const result = await postOnce(fetch, key, message.body, timeoutMs, this.context.clock);
      if (result.outcome === 'delivered') return true;
      if (result.outcome === 'rejected') {
        const slack = result.slackError === '' ? '' : ` ${result.slackError}`;
        this.#fail(message, {
          reason: 'rejected',
          permanent: true,
          attempts,
          status: result.status,
          slackError: result.slackError,
          text: `rejected by Slack with HTTP ${result.status}${slack}; not retried`,
        });
        return false;
      }
      const now = Date.now();
      const limited = result.status === 429;
      if (limited) limitedSince ??= now;
      const waitingOutLimit = limited && now - (limitedSince ?? now) < maxRateLimitWaitMs;
      if (!waitingOutLimit) retries++;
      if (retries > maxRetries) {
        this.#fail(message, {
          reason: 'retries-exhausted',
          permanent: false,
          attempts,
          ...lastAnswer(result),
          text: `not delivered after ${attempts} attempt${attempts === 1 ? '' : 's'}; last: ${result.problem}`,
        });
        return false;
      }
      const retryAfter = parseRetryAfter(result.retryAfter ?? null);
      if (retryAfter !== undefined) deferWebhook(key, Date.now() + retryAfter);
      notBefore = Date.now() + (retryAfter ?? backoffDelay(attempts - 1, backoff));
    }
  }

  #fail(
    message: QueuedMessage,
    details: Omit<SlackDeliveryErrorDetails, 'alertId'> & { text: string },
  ): void {
    if (this.#failed.has(message)) return;
    this.#failed.add(message);
    const { redact, shownUrl } = this.context;
    const { text, ...fields } = details;
    const id = JSON.stringify(oneLine(message.alertId).slice(0, 100));
    const error = new SlackDeliveryError(redact(`Slack alert ${id} ${text} (${shownUrl}).`), {
      ...fields,
      alertId: message.alertId,
      ...(fields.slackError === undefined ? {} : { slackError: redact(fields.slackError) }),
    });
    this.context.report(error);
    message.settle(false);
  }
}

function lastAnswer(result: AttemptResult): { status?: number; slackError?: string } {
  if (result.outcome !== 'retry' || result.status === undefined) return {};
  return { status: result.status, ...(result.slackError ? { slackError: result.slackError } : {}) };
}
