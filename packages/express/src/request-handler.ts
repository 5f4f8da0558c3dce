import { createScrubber } from '@faultline/scrub';
import type { Client, Scope } from '@sentry/core';
import { getClient, getDefaultIsolationScope, getIsolationScope, withIsolationScope } from '@sentry/core';
import { watchOrder } from './order.js';
import { defaultUser, hookClient, requestDataOf } from './request-data.js';
import { watchRoute } from './route.js';
import {
  attachState,
  type Enrichment,
  linkedState,
  requestDataOnScope,
  stateOf,
  type UserMapper,
  unlinkState,
} from './state.js';
import { traceRequest } from './trace.js';
import type {
  ExpressRequest,
  ExpressResponse,
  NextFunction,
  RequestHandlerOptions,
  RequestMiddleware,
} from './types.js';

/**
 * The isolation scope @sentry/node's HTTP integration forked for this request: it holds the
 * request's data, and no other request uses it. @sentry/node's Express instrumentation runs each
 * middleware's `next` in the context the middleware was called in, so a scope forked here would
 * be left behind by the next middleware; this one is not.
 */
function sentryRequestScope(): [Scope, object] | undefined {
  const scope = getIsolationScope();
  if (scope === getDefaultIsolationScope()) return undefined;
  const requestData = requestDataOnScope(scope);
  return requestData && !linkedState(requestData) ? [scope, requestData] : undefined;
}

function setUp(
  req: ExpressRequest,
  res: ExpressResponse,
  next: NextFunction,
  scope: Scope,
  requestData: object,
  enrichment: Enrichment,
): void {
  const state = attachState(req, scope, requestData, enrichment);
  watchRoute(req);
  // EventEmitter's own `on`: @sentry/node gives each response an `on` that binds the listener to a
  // scope (a scope fork per call), which unlinking does not need
  const on = (Object.getPrototypeOf(res) as ExpressResponse | null)?.on ?? res.on;
  on.call(res, 'close', unlinkState);
  watchOrder(req, res, state);
  next();
}

/**
 * The first middleware: `app.use(requestHandler())` before every other middleware and route.
 * Per request it
 * - gives the request an isolation scope of its own: the one @sentry/node's HTTP integration forked
 *   for it, else a fresh one for the rest of the request, in which it also continues the incoming
 *   trace (`sentry-trace`, `baggage`) and, for sampled requests only, runs an `http.server` span
 *   (how `@faultline/node`'s lean mode traces requests),
 * - names the scope (and the traced root span) after the matched route template, `POST /api/users/:id`,
 *   also for routes of nested routers,
 * - adds the request data (with the parsed body), the user mapped from `req.user` and a `route`
 *   tag to the request's error events, all through the scrubber,
 * - counts the request with `alerts.recordRequests()`.
 *
 * @example
 * app.use(requestHandler({ alerts: engine }));
 * app.use(express.json());
 * app.use('/api', api);
 * app.use(errorHandler());
 */
export function requestHandler(options: RequestHandlerOptions = {}): RequestMiddleware {
  const { alerts, user } = options;
  const mapUser: UserMapper = user ? (req) => user.call(options, req) : defaultUser;
  const enrichment: Enrichment = { scrubber: options.scrubber ?? createScrubber(), user: mapUser };
  let client: Client | undefined; // hooked once found (Sentry.init may come after this call)
  return function faultlineRequestHandler(req, res, next) {
    if (stateOf(req)) return next(); // registered twice, or in a sub-app as well
    alerts?.recordRequests();
    if (client === undefined) {
      client = getClient();
      hookClient(client);
    }
    const found = sentryRequestScope();
    if (found) return setUp(req, res, next, found[0], found[1], enrichment);
    withIsolationScope((scope) => {
      scope.setSDKProcessingMetadata({ normalizedRequest: requestDataOf(req) });
      const run = () => setUp(req, res, next, scope, requestDataOnScope(scope) ?? {}, enrichment);
      if (client) traceRequest(client, req, res, run);
      else run();
    });
  };
}
