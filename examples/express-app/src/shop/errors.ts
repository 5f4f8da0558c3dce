import { defaultShouldHandleError } from '@faultline/express';

/**
 * The errors the shop raises. Each carries the HTTP status it answers with; `reported` marks the
 * client errors worth seeing in Sentry (see {@link isReportable}).
 */
export class HttpError extends Error {
  /** Client errors that are a signal, not noise: failed admin auth, rate limits, declines… */
  readonly reported: boolean = false;

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad or missing credential on an endpoint that needs one. */
export class UnauthorizedError extends HttpError {
  override readonly reported = true;
  constructor(message: string) {
    super(401, message);
  }
}

/** Too many attempts from one client. */
export class RateLimitError extends HttpError {
  override readonly reported = true;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message);
  }
}

/** Input that breaks the rules of the form it was sent to. */
export class ValidationError extends HttpError {
  override readonly reported = true;
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(400, message);
  }
}

/** The payment gateway refused the card. */
export class PaymentDeclinedError extends HttpError {
  override readonly reported = true;
  constructor(message: string) {
    super(402, message);
  }
}

/** Shaped like `pg`'s `DatabaseError`: a SQLSTATE `code`, a `severity`, and here the failing `query`. */
export class DatabaseError extends Error {
  readonly severity = 'ERROR';

  constructor(
    message: string,
    readonly code: string,
    readonly query: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/**
 * What `errorHandler` captures. `@faultline/express` captures 5xx (and errors without a status) by
 * default; a 401 on an admin endpoint, a 429 on login, a rejected signup or a declined card is
 * also worth an event here, because each is a signal (an intrusion attempt, a brute force, a
 * broken form, a failing gateway) — but a 404 or an ordinary 400 elsewhere is not.
 */
export function isReportable(error: unknown): boolean {
  return defaultShouldHandleError(error) || (error instanceof HttpError && error.reported);
}
