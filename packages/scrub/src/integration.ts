import type { Breadcrumb, Client, Event, Integration, Log } from '@sentry/core';
import { minimalEvent } from './fallbacks.js';
import { createScrubber } from './scrubber.js';
import type { ScrubOptions, Scrubber } from './types.js';

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

function inPlace<T extends object>(target: T, scrub: (value: T) => T | null, fallback: (value: T) => T): void {
  try {
    const result = scrub(target);
    replaceContents(target, result ?? fallback(target));
  } catch {
    // a hook must never throw; the event-level pass and processEvent still drop what they cannot scrub
  }
}

const safeBreadcrumb = (crumb: Breadcrumb): Breadcrumb => ({
  timestamp: typeof crumb.timestamp === 'number' ? crumb.timestamp : undefined,
  level: crumb.level,
  message: '[Filtered]',
});
const safeLog = (log: Log): Log => ({ level: log.level, message: '[Filtered]', attributes: {} });

/**
 * A Sentry integration that scrubs everything the SDK sends: error and transaction events
 * (in `processEvent`, and once more after your `beforeSend`), streamed spans (`processSpan`),
 * breadcrumbs when they are added, and logs when they are captured.
 *
 * @example
 * Sentry.init({ dsn, integrations: [scrubIntegration({ keys: ['employeeId'] })] });
 */
export function scrubIntegration(options: ScrubIntegrationOptions = {}): Integration {
  const { scrubber: given, ...scrubOptions } = options;
  const scrubber = given ?? createScrubber(scrubOptions);
  return {
    name: INTEGRATION_NAME,
    setup(client: Client) {
      client.on('beforeAddBreadcrumb', (crumb) => inPlace(crumb, (it) => scrubber.scrubBreadcrumb(it), safeBreadcrumb));
      client.on('beforeCaptureLog', (log) => inPlace(log, (it) => scrubber.scrubLog(it), safeLog));
      // runs after the user's beforeSend, on the object the envelope is built from
      client.on('beforeSendEvent', (event) => inPlace(event, (it) => scrubber.scrubEvent(it), minimalEvent));
    },
    processEvent(event: Event) {
      return scrubber.scrubEvent(event);
    },
    processSpan(span) {
      scrubber.scrubSpan(span);
    },
  };
}
