import type { Scope, Span, SpanAttributes } from '@sentry/core';
import { getActiveSpan, getRootSpan, spanToJSON, updateSpanName } from '@sentry/core';
import { stateOf } from './state.js';
import type { ExpressRequest } from './types.js';

/**
 * The route template of a matched route: the mount path of its router (`req.baseUrl` while the
 * route matches) and the route's own path. `/api` + `/users/:id` is `/api/users/:id`; a router's
 * own `/` is its mount path.
 */
export function routeTemplate(baseUrl: string | undefined, path: unknown): string {
  const own = Array.isArray(path) ? path.map(String).join(',') : String(path ?? '');
  const base = baseUrl ?? '';
  const route = own === '/' && base !== '' ? base : base + own;
  return route.startsWith('/') ? route : `/${route}`;
}

/** `GET /api/users/:id` */
export function transactionName(req: ExpressRequest, route: string): string {
  return `${(req.method ?? 'GET').toUpperCase()} ${route}`;
}

/** The root span of an incoming request: its op (v11, v10), else its HTTP method (v10's OpenTelemetry span). */
function isHttpServerSpan(span: Span): boolean {
  // v11 returns `attributes`, v10 `op` and `data`
  const json = spanToJSON(span) as { op?: string; data?: SpanAttributes; attributes?: SpanAttributes };
  const attributes = json.attributes ?? json.data ?? {};
  if ((json.op ?? attributes['sentry.op']) === 'http.server') return true;
  return attributes['sentry.op'] === undefined && attributes['http.method'] !== undefined;
}

/**
 * Names the request after its route: the scope's transaction name (error events) and, when the
 * request is traced, the root `http.server` span.
 */
export function nameAfterRoute(scope: Scope, req: ExpressRequest, route: string): void {
  const name = transactionName(req, route);
  scope.setTransactionName(name);
  const active = getActiveSpan();
  const root = active && getRootSpan(active);
  if (!root?.isRecording()) return;
  if (!isHttpServerSpan(root)) return;
  updateSpanName(root, name);
  root.setAttribute('http.route', route);
}

/** `req.route`'s getter and setter, on the app's request prototype (once per app). */
const routeProperty: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: ExpressRequest) {
    return stateOf(this)?.matched;
  },
  set(this: ExpressRequest, route: unknown) {
    const state = stateOf(this);
    if (!state) {
      // a request requestHandler did not see: a plain property, as Express would have it
      Object.defineProperty(this, 'route', {
        value: route,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return;
    }
    if (route === state.matched) return; // Express assigns a matched route twice
    state.matched = route;
    if (typeof route !== 'object' || route === null) return;
    const template = routeTemplate(this.baseUrl, (route as { path?: unknown }).path);
    if (template === state.route) return;
    state.route = template;
    nameAfterRoute(state.scope, this, template);
  },
};

const WATCHED = Symbol.for('faultline.express.route');

/**
 * Watches `req.route`: Express assigns it when a route matches, while `req.baseUrl` still holds
 * the mount path of the route's router (Express restores it when the request leaves the router).
 * A route matched again with the same template (Express assigns it twice) is not renamed, so a
 * name set in between (by @sentry/node's Express instrumentation) stays. The accessor goes on the
 * app's request prototype (`app.request`, which Express lets apps extend, and which mounted apps
 * inherit from), once; a request without one gets its own.
 */
export function watchRoute(req: ExpressRequest): void {
  const proto = Object.getPrototypeOf(req) as { [WATCHED]?: true } | null;
  if (proto?.[WATCHED]) return;
  if (proto && Object.hasOwn(proto, 'app')) {
    Object.defineProperty(proto, 'route', routeProperty);
    Object.defineProperty(proto, WATCHED, { value: true });
  } else {
    Object.defineProperty(req, 'route', routeProperty);
  }
}
