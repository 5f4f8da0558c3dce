import type { Scrubber } from '@faultline/scrub';
import type { User } from '@sentry/core';

/**
 * The parts of an Express 4 or 5 request the adapter reads. Express's own `Request` fits; the
 * adapter never imports Express.
 */
export interface ExpressRequest {
  method?: string;
  url?: string;
  originalUrl?: string;
  baseUrl?: string;
  protocol?: string;
  headers?: { [key: string]: string | string[] | undefined };
  socket?: { encrypted?: boolean; remoteAddress?: string };
  /** The matched route; Express sets it when a route matches. */
  // biome-ignore lint/suspicious/noExplicitAny: Express types it `any`; `{ path }` is all that is read
  route?: any;
  /** The parsed body (`express.json()`, `express.urlencoded()`), if any. */
  body?: unknown;
  /** Parsed cookies (`cookie-parser`), if any. */
  cookies?: unknown;
  /** The authenticated user (Passport and most auth middleware). */
  user?: unknown;
  /** The Express application the request is in. */
  app?: unknown;
}

/** The parts of an Express response the adapter uses. */
export interface ExpressResponse {
  statusCode: number;
  on(event: 'close', listener: () => void): unknown;
  once(event: 'finish', listener: () => void): unknown;
  /** The id of the Sentry event `errorHandler` captured for this response. */
  sentry?: string;
}

/** Express's `next`. */
export type NextFunction = (error?: unknown) => void;

/** A request middleware: `app.use(requestHandler())`. */
export type RequestMiddleware = (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void;

/** An error middleware (four parameters): `app.use(errorHandler())`. */
export type ErrorMiddleware = (
  error: unknown,
  req: ExpressRequest,
  res: ExpressResponse,
  next: NextFunction,
) => void;

/** Anything that counts requests, such as an `AlertEngine` of `@faultline/alerts`. */
export interface RequestCounter {
  recordRequests(count?: number): void;
}

/** Options of {@link requestHandler}. */
export interface RequestHandlerOptions {
  /**
   * Counted once per request: the denominator of the error-rate rule. Pass the `AlertEngine` of
   * `@faultline/alerts` (`alertsIntegration(…).engine` or `createAlertEngine(…)`).
   */
  alerts?: RequestCounter;
  /**
   * Maps a request to the Sentry user of its error events. Default: `req.user`'s `id` and
   * `username`, nothing else. An `email` or `ip_address` you return is redacted by the scrubber.
   */
  user?(req: ExpressRequest): User | null | undefined;
  /** Scrubs the request data and the user of each error event. Default: `createScrubber()`. */
  scrubber?: Scrubber;
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /**
   * Which errors are captured. Default: those whose `status` or `statusCode` is 500 or more, or
   * that have none.
   */
  shouldHandleError?(error: unknown): boolean;
}
