import { domainToASCII } from 'node:url';
import type { Alert, Notifier } from '@faultline/alerts';
import { attemptDelivery, backoffDelay, describeCodes, sleep } from './attempt.js';
import { EmailDeliveryError, type EmailDeliveryErrorInit } from './errors.js';
import { oneLine } from './format.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { renderAlertEmail } from './render.js';
import { cut, sanitizeText } from './sanitize.js';
import type { EmailMessage, EmailNotifierOptions } from './types.js';

/** How long `flush()` waits when called without a timeout. */
const DEFAULT_FLUSH_MS = 30_000;

interface Job {
  alertId: string;
  message: Omit<EmailMessage, 'signal'>;
  attempts: number;
}

/**
 * Sends alerts of `@faultline/alerts` by email over SMTP (nodemailer), one message per alert with
 * a text and an HTML body. `notify` only queues the alert; delivery runs in the background, one
 * alert at a time, retrying SMTP 4xx replies and connection errors with capped exponential
 * backoff. Nothing it does throws into, rejects in, or keeps alive the application.
 *
 * ```ts
 * const email = new EmailNotifier({
 *   smtpUrl: process.env.SMTP_URL!,
 *   from: 'Faultline <alerts@example.com>',
 *   to: ['oncall@example.com'],
 * });
 * ```
 */
export class EmailNotifier implements Notifier {
  /** `'email'`. */
  readonly name = 'email';
  readonly #options: ResolvedOptions;
  readonly #queue: Job[] = [];
  #active: Job | undefined;
  #draining = false;
  readonly #waiters = new Set<() => void>();

  /** Validates every option; a bad one throws an `EmailNotifierError` naming it. Connects to nothing yet. */
  constructor(options: EmailNotifierOptions) {
    this.#options = resolveOptions(options);
  }

  /** Builds the email and queues it. Resolves at once and never rejects; failures go to `onError`. */
  notify(alert: Alert): Promise<void> {
    try {
      this.#enqueue(alert);
    } catch (error) {
      try {
        const message = sanitizeText(String((error as Error)?.message ?? error), this.#options.secrets);
        this.#report(`could not be built: ${cut(message, 200)}`, {
          alertId: this.#alertId(alert),
          reason: 'render-failed',
          permanent: true,
          attempts: 0,
        });
      } catch {
        // An alert so broken that even its error cannot be described: nothing left to do.
      }
    }
    return Promise.resolve();
  }

  /**
   * Waits until every queued alert is delivered or given up, at most `timeoutMs` (default 30 s).
   * Resolves true when the queue is empty, false on timeout (delivery goes on in the background).
   * While it waits, the process stays alive.
   */
  flush(timeoutMs: number = DEFAULT_FLUSH_MS): Promise<boolean> {
    if (this.#idle()) return Promise.resolve(true);
    const wait = Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.min(timeoutMs, 2_147_483_647) : 0;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(done);
        resolve(false);
      }, wait);
      this.#waiters.add(done);
    });
  }

  #alertId(alert: Alert): string {
    return oneLine((alert as Partial<Alert> | undefined)?.id, 100) || 'without id';
  }

  #enqueue(alert: Alert): void {
    const alertId = this.#alertId(alert);
    if (typeof alert.id === 'string' && alert.id !== '' && this.#pending(alertId)) return;
    const { subject, text, html } = renderAlertEmail(alert, { subjectPrefix: this.#options.subjectPrefix });
    const localPart = alertId.replace(/[^A-Za-z0-9._-]/g, '-');
    const domain = domainToASCII(this.#options.messageDomain) || 'faultline.invalid';
    const message = { from: this.#options.from, to: [...this.#options.to], subject, text, html };
    if (this.#queue.length >= this.#options.maxQueueSize) {
      const dropped = this.#queue.shift()!;
      this.#report(`dropped: ${this.#options.maxQueueSize} alerts were already waiting to be sent`, {
        alertId: dropped.alertId,
        reason: 'queue-full',
        permanent: false,
        attempts: 0,
      });
    }
    this.#queue.push({
      alertId,
      message: { ...message, messageId: `<faultline.${localPart}@${domain}>` },
      attempts: 0,
    });
    if (!this.#draining) {
      this.#draining = true;
      Promise.resolve()
        .then(() => this.#drain())
        .catch(() => undefined);
    }
  }

  /** Whether the alert is already waiting or being sent: the engine may hand the same alert over again. */
  #pending(alertId: string): boolean {
    return this.#active?.alertId === alertId || this.#queue.some((job) => job.alertId === alertId);
  }

  #idle(): boolean {
    return this.#active === undefined && this.#queue.length === 0;
  }

  async #drain(): Promise<void> {
    try {
      for (let job = this.#queue.shift(); job !== undefined; job = this.#queue.shift()) {
        this.#active = job;
        await this.#deliver(job).catch(() => undefined);
        this.#active = undefined;
      }
    } finally {
      this.#active = undefined;
      this.#draining = false;
      for (const waiter of [...this.#waiters]) waiter();
    }
  }

  async #deliver(job: Job): Promise<void> {
    const { transport, timeoutMs, secrets, maxRetries, backoff } = this.#options;
    for (;;) {
      job.attempts += 1;
      const failure = await attemptDelivery(transport, job.message, 3 * timeoutMs, secrets);
      if (failure === undefined) return;
      const init = {
        alertId: job.alertId,
        attempts: job.attempts,
        responseCode: failure.responseCode,
        code: failure.code,
        response: failure.text,
      };
      if (!failure.transient) {
        this.#report(`was rejected${describeCodes(failure)}: ${failure.text}`, {
          ...init,
          reason: 'rejected',
          permanent: true,
        });
        return;
      }
      if (job.attempts > maxRetries) {
        const tries = job.attempts === 1 ? '1 attempt' : `${job.attempts} attempts`;
        this.#report(`was not delivered after ${tries}${describeCodes(failure)}: ${failure.text}`, {
          ...init,
          reason: 'retries-exhausted',
          permanent: false,
        });
        return;
      }
      await sleep(backoffDelay(job.attempts, backoff));
    }
  }

  #report(what: string, init: EmailDeliveryErrorInit): void {
    const error = new EmailDeliveryError(`Email for alert ${init.alertId} ${what}`, init);
    try {
      this.#options.onError(error);
    } catch {
      // An onError that throws must not stop delivery of the other alerts.
    }
  }
}
