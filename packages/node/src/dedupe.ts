import type { AlertEngine } from '@faultline/alerts';
import type { Client, Event, EventHint, Integration } from '@sentry/core';

/** Counts an event Sentry dropped as a duplicate, after the steps that prepare alert content. */
export type DroppedCounter = (event: Event, hint: EventHint, client: Client) => void;

/**
 * Runs a dropped event through the pipeline's own processing (fingerprint, scrub), then counts
 * it for alerts. Nothing is sent: the event stays dropped.
 */
export function droppedCounter(steps: readonly Integration[], alerts: AlertEngine): DroppedCounter {
  return (event, hint, client) => {
    let current: Event | null = event;
    for (const step of steps) {
      if (current === null) return;
      const next = step.processEvent?.(current, hint, client) ?? current;
      if (typeof (next as PromiseLike<unknown>).then === 'function') return; // our steps are synchronous
      current = next as Event | null;
    }
    if (current) alerts.observe(current);
  };
}

/**
 * Sentry's Dedupe integration drops an error identical to the one before it, before any alert
 * could count it, so a storm of one error would alert once at most, or never. This wraps it: a
 * duplicate it drops is still counted for alerts (fingerprinted and scrubbed first), not sent.
 */
export function countingDedupe(dedupe: Integration, countDropped: DroppedCounter): Integration {
  const processEvent = dedupe.processEvent;
  if (!processEvent) return dedupe;
  return {
    ...dedupe,
    processEvent(event, hint, client) {
      const kept = processEvent.call(dedupe, event, hint, client);
      if (kept === null) countDropped(event, hint, client);
      return kept;
    },
  };
}
