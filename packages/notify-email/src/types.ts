import type { EmailDeliveryError } from './errors.js';

/**
 * The message handed to {@link EmailTransport.sendMail}: the fields of a nodemailer message this
 * package sets. A nodemailer transporter (`nodemailer.createTransport(...)`) accepts it as is.
 */
export interface EmailMessage {
  /** The sender, as given in the `from` option: `alerts@example.com` or `Faultline <alerts@example.com>`. */
  from: string;
  /** Every recipient of the `to` option. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** `<faultline.<alert id>@<domain of from>>`: the same alert keeps its Message-ID across retries. */
  messageId: string;
  /** Aborted when an attempt takes longer than its deadline (3 × `timeoutMs`). */
  signal: AbortSignal;
}

/**
 * What {@link EmailNotifierOptions.transport} must look like: an object with a `sendMail` that
 * returns a promise, such as a nodemailer transporter. Typed structurally, so nodemailer's types
 * never become part of this package's public API.
 */
export interface EmailTransport {
  sendMail(message: EmailMessage): Promise<unknown>;
}

/** Capped exponential backoff: retry n waits between half and all of `min(capMs, baseMs × 2ⁿ⁻¹)`, at random. */
export interface EmailBackoff {
  /** The wait before the first retry, in ms. Default 1000. */
  baseMs: number;
  /** The longest wait between two attempts, in ms. Default 60 000. */
  capMs: number;
}

/** Options of {@link EmailNotifier}. Every option is validated; a bad one throws an `EmailNotifierError`. */
export interface EmailNotifierOptions {
  /**
   * `smtp://user:password@host:587` (STARTTLS when the server offers it) or
   * `smtps://user:password@host:465` (TLS), user and password percent-encoded. Give this or `transport`.
   */
  smtpUrl?: string;
  /** A transport to send through instead of one built from `smtpUrl`, e.g. your own nodemailer transporter. */
  transport?: EmailTransport;
  /** The sender: `alerts@example.com` or `Faultline <alerts@example.com>`. */
  from: string;
  /** One address, several separated by commas, or an array of addresses. */
  to: string | readonly string[];
  /** Put in front of every subject. Default `[<environment>]` when the alert has an environment, else nothing. */
  subjectPrefix?: string;
  /** Connection, greeting and socket timeout of the SMTP connection, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Retries after a transient failure (SMTP 4xx, connection errors). Default 5. */
  maxRetries?: number;
  /** The wait between attempts. Default `{ baseMs: 1000, capMs: 60_000 }`, with jitter. */
  backoff?: Partial<EmailBackoff>;
  /** Alerts waiting to be sent; when full, the oldest waiting alert is dropped and reported. Default 100. */
  maxQueueSize?: number;
  /**
   * Called once for every alert that could not be delivered, and for every alert dropped from a full
   * queue. Its error never holds the SMTP password. Default: a one-line `console.warn`.
   */
  onError?: (error: EmailDeliveryError) => void;
}

/**
 * Why an alert was not delivered:
 * - `rejected` — the server refused it for good (5xx) or it cannot be sent (a bad address, a bug);
 * - `retries-exhausted` — every attempt failed with a transient error (4xx, connection errors);
 * - `queue-full` — it was dropped, unsent, to make room for a newer alert;
 * - `render-failed` — the alert could not be turned into an email.
 */
export type EmailFailureReason = 'rejected' | 'retries-exhausted' | 'queue-full' | 'render-failed';

/** The subject and both bodies of an alert email, as built by `renderAlertEmail`. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Options of `renderAlertEmail`. */
export interface RenderOptions {
  /** As {@link EmailNotifierOptions.subjectPrefix}. */
  subjectPrefix?: string;
}
