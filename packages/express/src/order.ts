import { consoleSandbox } from '@sentry/core';
import type { RequestState } from './state.js';
import type { ExpressRequest, ExpressResponse } from './types.js';

const PREFIX = '[@faultline/express]';
const warned = new Set<'request-handler' | 'order'>();

/** Warns once per process. */
function warnOnce(key: 'request-handler' | 'order', message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  consoleSandbox(() => console.warn(`${PREFIX} ${message}`));
}

/** Called by `errorHandler` when `requestHandler` did not run for the request. */
export function warnMissingRequestHandler(): void {
  warnOnce(
    'request-handler',
    'errorHandler() saw an error, but requestHandler() did not run for this request. Register ' +
      'app.use(requestHandler()) before every other middleware and route. The error is still captured ' +
      '(scrubbed, with the user), but its transaction may miss the mount path of a router, and ' +
      'requests are not counted for the error-rate alert.',
  );
}

/** Marks the function `errorHandler` returns, to find it in the app's stack. */
export const ERROR_HANDLER = Symbol.for('faultline.express.errorHandler');

interface Layer {
  name?: string;
  route?: unknown;
  handle?: { length?: number; [ERROR_HANDLER]?: true };
  handleRequest?: unknown;
  handle_request?: unknown;
}

/** The app's top-level layers: `app._router.stack` (Express 4) or `app.router.stack` (Express 5). */
function layersOf(app: unknown): Layer[] | undefined {
  try {
    const routed = app as { _router?: { stack?: unknown }; router?: { stack?: unknown } } | undefined;
    const stack = routed?._router?.stack ?? routed?.router?.stack; // Express 4's `app.router` throws
    return Array.isArray(stack) ? stack : undefined;
  } catch {
    return undefined;
  }
}

const routes = (layer: Layer) =>
  layer.route !== undefined || layer.name === 'router' || layer.name === 'mounted_app';

/** Why errors of this app cannot reach `errorHandler`, if its stack shows a reason. */
export function orderProblem(layers: Layer[]): string | undefined {
  const index = layers.findIndex((layer) => layer.handle?.[ERROR_HANDLER] === true);
  if (index === -1) return 'errorHandler() is not registered on the app.';
  if (layers.slice(index + 1).some(routes))
    return 'errorHandler() was registered before some of the routes: register it after every route and router.';
  if (layers.slice(0, index).some((layer) => layer.handle?.length === 4))
    return 'an error handler registered before errorHandler() answers without calling next(error): register errorHandler() first.';
  return undefined;
}

/**
 * Whether @sentry/node 11's Express instrumentation can see this app's errors: it rewrites
 * Express's `Layer` (with orchestrion, whose code names its variables `__apm$…`) when it was
 * loaded before Express.
 */
function sentryInstrumented(layers: Layer[]): boolean {
  const layer = layers[0];
  const method = layer && (layer.handleRequest ?? layer.handle_request); // Express 5, Express 4
  return typeof method === 'function' && Function.prototype.toString.call(method).includes('__apm$');
}

/** Per app, checked at its first request (routes are added by then): why its errors cannot be reported, or `null`. */
const problems = new WeakMap<object, string | null>();

function problemOf(app: unknown): string | null {
  if ((typeof app !== 'object' && typeof app !== 'function') || app === null) return null;
  let problem = problems.get(app);
  if (problem === undefined) {
    const layers = layersOf(app);
    problem = (layers && !sentryInstrumented(layers) && orderProblem(layers)) || null;
    problems.set(app, problem);
  }
  return problem;
}

/**
 * Warns once when the app's stack shows that errors cannot reach `errorHandler`, @sentry/node's
 * Express instrumentation cannot catch them either, and a response then ends with a 5xx status
 * that neither saw. Correctly ordered apps pay one lookup per request.
 */
export function watchOrder(req: ExpressRequest, res: ExpressResponse, state: RequestState): void {
  if (warned.has('order')) return;
  const problem = problemOf(req.app);
  if (problem === null) return;
  res.once('finish', () => {
    if (res.statusCode < 500 || state.errorSeen) return;
    if ((req as { __sentry_express_error_handled__?: boolean }).__sentry_express_error_handled__) return;
    warnOnce(
      'order',
      `a ${res.statusCode} response was sent, but no error reached errorHandler(): ${problem} ` +
        "@sentry/node's Express instrumentation is not active either, so such errors are not reported.",
    );
  });
}
