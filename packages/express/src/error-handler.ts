import { createScrubber, type Scrubber } from '@faultline/scrub';
import { captureException, getClient, withScope } from '@sentry/core';
import { ERROR_HANDLER, warnMissingRequestHandler } from './order.js';
import { defaultUser, hookClient, pinnedHint } from './request-data.js';
import { routeTemplate, transactionName } from './route.js';
import { type RequestState, stateOf } from './state.js';
import type { ErrorHandlerOptions, ErrorMiddleware, ExpressRequest } from './types.js';

/** The mechanism of the events `errorHandler` captures. */
export const MECHANISM = { type: 'auto.middleware.faultline.express', handled: false } as const;

const CAPTURED = Symbol.for('faultline.express.captured');

/** The HTTP status an error asks for: `status`, `statusCode`, or 500 when it has none. */
function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = Number.parseInt(String(status ?? statusCode ?? 500), 10);
  return Number.isNaN(code) ? 500 : code;
}

/** The default filter: errors with a status of 500 or more, or none. */
export function defaultShouldHandleError(error: unknown): boolean {
  return statusOf(error) >= 500;
}

/** Captured by this adapter, by @sentry/node (its Express instrumentation) or by the app itself. */
function alreadyCaptured(error: unknown, req: ExpressRequest, state: RequestState | undefined): boolean {
  if (typeof error !== 'object' || error === null) {
    // a string cannot be marked: @sentry/node's instrumentation marks the request instead
    const sentry = (req as { __sentry_express_error_handled__?: boolean }).__sentry_express_error_handled__;
    return sentry === true || (state !== undefined && state.captured === error);
  }
  const marks = error as { [CAPTURED]?: true; __sentry_captured__?: boolean };
  return marks[CAPTURED] === true || marks.__sentry_captured__ === true;
}

function markCaptured(error: unknown, state: RequestState | undefined): void {
  if (state) state.captured = error;
  if (typeof error !== 'object' || error === null) return;
  try {
    Object.defineProperty(error, CAPTURED, { value: true, enumerable: false, configurable: true });
  } catch {
    // a frozen error: @sentry/core's own mark, or the request state, prevents a second capture
  }
}

/** Without `requestHandler`: the request data and user are still scrubbed, and the route named. */
function captureWithoutState(error: unknown, req: ExpressRequest, scrubber: Scrubber): string {
  hookClient(getClient());
  return withScope((scope) => {
    const route = req.route ? routeTemplate(req.baseUrl, req.route.path) : undefined;
    if (route) scope.setTransactionName(transactionName(req, route));
    const pin = { req, state: { route, enrichment: { scrubber, user: defaultUser } } };
    return captureException(error, pinnedHint({ mechanism: MECHANISM }, pin));
  });
}

/**
 * The error middleware: `app.use(errorHandler())` after every route and router, before your own
 * error handlers. Captures each error that `shouldHandleError` accepts once (not again when
 * @sentry/node's Express instrumentation or the app already captured it), sets `res.sentry` to
 * the event id, and passes the error on with `next(error)`.
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorMiddleware {
  const { shouldHandleError } = options;
  let scrubber: Scrubber | undefined; // created on first use: only an app without requestHandler needs it
  const fallbackScrubber = (): Scrubber => {
    scrubber ??= createScrubber();
    return scrubber;
  };
  const shouldHandle = (error: unknown): boolean => {
    try {
      return shouldHandleError ? shouldHandleError.call(options, error) : defaultShouldHandleError(error);
    } catch {
      return true;
    }
  };
  const handler: ErrorMiddleware = function faultlineErrorHandler(error, req, res, next) {
    const state = stateOf(req);
    if (state) state.errorSeen = true;
    else warnMissingRequestHandler();
    if (shouldHandle(error) && !alreadyCaptured(error, req, state)) {
      res.sentry = state
        ? captureException(error, { mechanism: MECHANISM })
        : captureWithoutState(error, req, fallbackScrubber());
      markCaptured(error, state);
    }
    next(error);
  };
  Object.defineProperty(handler, ERROR_HANDLER, { value: true });
  return handler;
}
