import type { EmailFailureReason } from './types.js';

/**
 * Thrown by the `EmailNotifier` constructor for an option it cannot use. `option` names it, e.g.
 * `to[1]` or `smtpUrl`. The message says how to fix it and never repeats a password.
 */
export class EmailNotifierError extends TypeError {
  override readonly name = 'EmailNotifierError';
  constructor(
    readonly option: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid email notifier option \`${option}\`: ${problem}. ${fix}`);
  }
}

/** The fields of an {@link EmailDeliveryError}, all free of credentials. */
export interface EmailDeliveryErrorInit {
  alertId: string;
  reason: EmailFailureReason;
  permanent: boolean;
  attempts: number;
  responseCode?: number | undefined;
  code?: string | undefined;
  response?: string | undefined;
}

/**
 * Passed to `onError` for an alert that was not delivered. It carries no `cause` and none of the
 * transport's fields (`auth`, the URL, the SMTP command): only what is safe to log.
 */
export class EmailDeliveryError extends Error {
  override readonly name = 'EmailDeliveryError';
  /** The `id` of the alert that was not delivered. */
  readonly alertId: string;
  /** Why; see {@link EmailFailureReason}. */
  readonly reason: EmailFailureReason;
  /** True when sending the same email again would fail again: a 5xx reply, a bad address, a bug. */
  readonly permanent: boolean;
  /** How many times sending was tried (0 for an alert dropped before its first attempt). */
  readonly attempts: number;
  /** The SMTP reply code of the last failure, e.g. `550`, when the server replied. */
  readonly responseCode?: number;
  /** The error code of the last failure: `ECONNREFUSED`, `ETIMEDOUT`, `EAUTH`, `EENVELOPE`… */
  readonly code?: string;
  /** The server's reply text of the last failure, credentials removed, cut to 200 characters. */
  readonly response?: string;

  constructor(message: string, init: EmailDeliveryErrorInit) {
    super(message);
    this.alertId = init.alertId;
    this.reason = init.reason;
    this.permanent = init.permanent;
    this.attempts = init.attempts;
    if (init.responseCode !== undefined) this.responseCode = init.responseCode;
    if (init.code !== undefined) this.code = init.code;
    if (init.response !== undefined) this.response = init.response;
  }
}
