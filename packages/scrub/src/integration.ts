import type {
  Breadcrumb,
  Client,
  Envelope,
  Event,
  Integration,
  Log,
  Session,
  SessionAggregates,
} from '@sentry/core';
import { minimalEvent } from './fallbacks.js';
import { createScrubber } from './scrubber.js';
import type { Scrubber, ScrubOptions } from './types.js';

/** Options of {@link scrubIntegration}: scrub options, or a scrubber you already built. */
export interface ScrubIntegrationOptions extends ScrubOptions {
  /** Use this scrubber instead of creating one from the other options. */
  scrubber?: Scrubber;
}

const INTEGRATION_NAME = 'FaultlineScrub' as const;

/** Makes `target` hold exactly what `source` holds, for hooks that cannot swap the object. */
function replaceContents(target: object, source: object): void {
  if (target === source) return;
  const record = target as Record<string, unknown>;
  for (const key of Object.keys(record)) delete record[key];
  Object.assign(record, source);
}

function inPlace<T extends object>(
  target: T,
  scrub: (value: T) => T | null,
  fallback: (value: T) => T,
): void {
  try {
    const result = scrub(target);
    replaceContents(target, result ?? fallback(target));
  } catch {
    // a hook must never throw; an object that refuses changes (frozen) keeps what processEvent made of it
  }
}

/** What a breadcrumb or log that cannot be scrubbed is reduced to. */
const safeBreadcrumb = (crumb: Breadcrumb, replacement: string): Breadcrumb => ({
  timestamp: typeof crumb.timestamp === 'number' ? crumb.timestamp : undefined,
  level: crumb.level,
  message: replacement,
});
const safeLog = (log: Log, replacement: string): Log => ({
  level: log.level,
  message: replacement,
  attributes: {},
});

/** Envelope items whose attributes are merged from the scope after every hook: scrubbed once more. */
const ATTRIBUTE_ITEMS = new Set(['log', 'trace_metric']);

/** Scrubs the serialized log and metric items of an envelope, in place. */
function scrubEnvelope(envelope: Envelope, scrubber: Scrubber): void {
  for (const item of envelope[1] as unknown as [{ type?: string }, { items?: unknown[] }][]) {
    const [header, payload] = item;
    if (!ATTRIBUTE_ITEMS.has(header?.type ?? '') || !Array.isArray(payload?.items)) continue;
    const items = scrubber.scrubValue(payload.items);
    if (items !== payload.items) payload.items = Array.isArray(items) ? items : [];
  }
}

/**
 * A release-health session carries the user's IP and, when the user has no id, their email as
 * its distinct id: the IP goes, the distinct id is scrubbed (or pseudonymized).
 */
function scrubSession(
  session: Session | SessionAggregates,
  scrubber: Scrubber,
  pseudonymize: ((value: string) => string) | undefined,
): void {
  if (!('sid' in session)) return;
  session.ipAddress = undefined;
  if (session.did === undefined) return;
  const did = String(session.did);
  const scrubbed = scrubber.scrubString(did);
  if (scrubbed !== did) session.did = pseudonymize ? pseudonymize(did) : scrubbed;
}

/**
 * A Sentry integration that scrubs everything the SDK sends: error and transaction events
 * (in `processEvent`, and once more after your `beforeSend`), streamed spans (`processSpan`),
 * breadcrumbs when they are added, logs and metrics when they are captured (and their scope
 * attributes in the envelope), and the user's IP and email in release-health sessions.
 *
 * @example
 * Sentry.init({ dsn, integrations: [scrubIntegration({ keys: ['employeeId'] })] });
 */
export function scrubIntegration(options: ScrubIntegrationOptions = {}): Integration {
  const { scrubber: given, ...scrubOptions } = options;
  const scrubber = given ?? createScrubber(scrubOptions);
  const isClean = (text: string) => scrubber.scrubString(text) === text;
  const replacement = scrubOptions.replacement ?? '[Filtered]';
  return {
    name: INTEGRATION_NAME,
    setup(client: Client) {
      client.on('beforeAddBreadcrumb', (crumb) =>
        inPlace(
          crumb,
          (it) => scrubber.scrubBreadcrumb(it),
          (it) => safeBreadcrumb(it, replacement),
        ),
      );
      client.on('beforeCaptureLog', (log) =>
        inPlace(
          log,
          (it) => scrubber.scrubLog(it),
          (it) => safeLog(it, replacement),
        ),
      );
      // runs after the user's beforeSend, on the object the envelope is built from
      client.on('beforeSendEvent', (event) =>
        inPlace(
          event,
          (it) => scrubber.scrubEvent(it),
          (it) => minimalEvent(it, isClean),
        ),
      );
      client.on('processMetric', (metric) => {
        try {
          metric.attributes = scrubber.scrubValue(metric.attributes);
        } catch {
          metric.attributes = {};
        }
      });
      client.on('beforeSendSession', (session) => {
        try {
          scrubSession(session, scrubber, scrubOptions.pseudonymize);
        } catch {
          // a session keeps no event data; at worst it goes without its distinct id
        }
      });
      client.on('beforeEnvelope', (envelope) => {
        try {
          scrubEnvelope(envelope, scrubber);
        } catch {
          // scrubValue never throws; the envelope shape is the SDK's
        }
      });
    },
    processEvent(event: Event) {
      return scrubber.scrubEvent(event);
    },
    processSpan(span) {
      scrubber.scrubSpan(span);
    },
  };
}
