import type { Scrubber } from '@faultline/scrub';
import type { Scope, User } from '@sentry/core';
import type { ExpressRequest } from './types.js';

/** Maps a request to a Sentry user. */
export type UserMapper = (req: ExpressRequest) => User | null | undefined;

/** How a request's error events are completed: the options of its `requestHandler`. */
export interface Enrichment {
  scrubber: Scrubber;
  user: UserMapper;
}

/** What the adapter keeps per request. */
export interface RequestState {
  req: ExpressRequest;
  /** The request's isolation scope. */
  scope: Scope;
  enrichment: Enrichment;
  /** What Express assigned to `req.route` (the adapter watches the assignment). */
  matched: unknown;
  /** The route template of the last matched route, e.g. `/api/users/:id`. */
  route: string | undefined;
  /** `errorHandler` saw an error for this request. */
  errorSeen: boolean;
  /** The last error `errorHandler` captured, for errors that cannot be marked (strings). */
  captured: unknown;
}

const STATE = Symbol.for('faultline.express.state');

type Linked = { [STATE]?: RequestState };

/** The state `requestHandler` attached to this request, if it ran. */
export function stateOf(req: ExpressRequest): RequestState | undefined {
  return (req as Linked)[STATE];
}

/** The request data Sentry keeps on an isolation scope (`sdkProcessingMetadata.normalizedRequest`). */
export function requestDataOnScope(scope: Scope): object | undefined {
  const data: unknown = scope.getScopeData().sdkProcessingMetadata.normalizedRequest;
  return typeof data === 'object' && data !== null ? data : undefined;
}

/**
 * The state of the request whose isolation scope this is, while its response is open. It is
 * linked from the request data on the scope: not from the scope object itself (a property on it,
 * or a WeakMap entry, costs every request), and only until the response closes, because the scope
 * outlives the request by seconds (the connection's timers keep their async context).
 */
export function stateOfScope(scope: Scope): RequestState | undefined {
  const requestData = requestDataOnScope(scope);
  return requestData && linkedState(requestData);
}

/** The state linked from this request data, if any. */
export function linkedState(requestData: object): RequestState | undefined {
  return (requestData as Linked)[STATE];
}

/** `res.on('close', unlinkState)`: the scope lets go of the request. One function for all. */
export function unlinkState(this: { req?: ExpressRequest }): void {
  const state = this.req && stateOf(this.req);
  const linked = state && (requestDataOnScope(state.scope) as Linked | undefined);
  if (linked && linked[STATE] === state) linked[STATE] = undefined;
}

/** Attaches a fresh state to the request and links it from the request data on its scope. */
export function attachState(
  req: ExpressRequest,
  scope: Scope,
  requestData: object,
  enrichment: Enrichment,
): RequestState {
  const state: RequestState = {
    req,
    scope,
    enrichment,
    matched: req.route,
    route: undefined,
    errorSeen: false,
    captured: undefined,
  };
  (req as Linked)[STATE] = state;
  (requestData as Linked)[STATE] = state;
  return state;
}
