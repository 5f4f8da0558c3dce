import type { Client, Event, EventHint, RequestEventData, User } from '@sentry/core';
import { getGlobalScope, getIsolationScope, httpRequestToRequestData } from '@sentry/core';
import { type Enrichment, stateOfScope } from './state.js';
import type { ExpressRequest } from './types.js';

/** The request an error event belongs to, put on the event's hint while the event is captured. */
export interface Pin {
  req: ExpressRequest;
  state: { route: string | undefined; enrichment: Enrichment };
}

const PIN = Symbol.for('faultline.express.pin');

type Pinned = EventHint & { [PIN]?: Pin };

/** A hint for `captureException` that carries the request. */
export function pinnedHint<T extends EventHint>(hint: T, pin: Pin): T {
  return { ...hint, [PIN]: pin };
}

/** The default user: `req.user`'s `id` and `username`, nothing else (never its email). */
export function defaultUser(req: ExpressRequest): User | undefined {
  const user = req.user;
  if (typeof user !== 'object' || user === null) return undefined;
  const { id, username } = user as { id?: unknown; username?: unknown };
  const mapped: User = {};
  if (typeof id === 'string' || typeof id === 'number') mapped.id = id;
  if (typeof username === 'string') mapped.username = username;
  return Object.keys(mapped).length > 0 ? mapped : undefined;
}

/** Request data as Sentry would build it, from the original URL (Express rewrites `req.url` in routers). */
export function requestDataOf(req: ExpressRequest): RequestEventData {
  const { method, protocol, headers, socket, cookies } = req;
  const data = httpRequestToRequestData({
    method,
    protocol,
    headers,
    socket,
    url: req.originalUrl ?? req.url,
  });
  if (data.cookies === undefined && typeof cookies === 'object' && cookies !== null)
    data.cookies = cookies as Record<string, string>;
  return data;
}

function hasBody(body: unknown): boolean {
  if (typeof body === 'string') return body !== '';
  return typeof body === 'object' && body !== null && Object.keys(body).length > 0;
}

function mapUser(req: ExpressRequest, enrichment: Enrichment): User | undefined {
  try {
    return enrichment.user(req) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Client hook `preprocessEvent`, run when an event is captured: an error event captured in a
 * request's isolation scope gets the request pinned to its hint, so that the request stays in
 * memory until the event is complete (the scope lets go of it when the response closes).
 */
function pinRequest(event: Event, hint?: EventHint): void {
  const pinned = hint as Pinned | undefined;
  if (event.type !== undefined || !pinned || pinned[PIN]) return;
  const state = stateOfScope(getIsolationScope());
  const req = state?.req;
  if (state && req) pinned[PIN] = { req, state };
}

/**
 * Event processor (global, after every integration's): completes an error event whose hint
 * carries a request, when the parsed body and the authenticated user are known. Adds the request
 * data when Sentry attached none, and the parsed body; adds the mapped user under the one the
 * scope has; tags the route; and sends the request data and the user through the scrubber. If
 * anything fails, both are dropped rather than sent unscrubbed.
 */
function completeEvent(event: Event, hint: EventHint): Event {
  const pin = (hint as Pinned | undefined)?.[PIN];
  if (!pin || event.type !== undefined) return event;
  const { req, state } = pin;
  try {
    const request: RequestEventData = { ...(event.request ?? requestDataOf(req)) };
    if (hasBody(req.body)) request.data = req.body; // parsed: scrubbed key by key
    const mapped = mapUser(req, state.enrichment);
    const part: Event = { request };
    if (mapped || event.user) part.user = { ...mapped, ...event.user };
    const scrubbed = state.enrichment.scrubber.scrubEvent(part);
    event.request = scrubbed?.request;
    event.user = scrubbed?.user;
    if (state.route) event.tags = { route: state.route, ...event.tags };
  } catch {
    event.request = undefined;
    event.user = undefined;
  }
  return event;
}

let processing = false;
const hooked = new WeakSet<Client>();

/** Registers the event processor (once) and the client's `preprocessEvent` hook (once per client). */
export function hookClient(client: Client | undefined): void {
  if (!processing) {
    processing = true;
    getGlobalScope().addEventProcessor(completeEvent);
  }
  if (!client || hooked.has(client)) return;
  hooked.add(client);
  client.on('preprocessEvent', pinRequest);
}
