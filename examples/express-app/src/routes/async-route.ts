import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * An `async` route that works on Express 4 too: Express 5 passes a rejected promise to
 * `next(error)` by itself, Express 4 ignores it (the request would hang).
 */
export function asyncRoute(
  handler: (request: Request, response: Response, next: NextFunction) => Promise<unknown>,
): RequestHandler {
  return (request, response, next) => {
    handler(request, response, next).catch(next);
  };
}
