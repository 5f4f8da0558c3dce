import type { Faultline } from '@faultline/node';
import * as Sentry from '@sentry/node';
import type { EventExplanation } from './ipc.js';

/**
 * Calls `onExplanation` with `explain()` for each error event the app sends. It runs as a global
 * event processor, after every integration: the fingerprint is set and the event scrubbed, while
 * the hint still holds the original error the rules look at. Reasons are scrubbed too.
 */
export function explainEachEvent(
  faultline: Pick<Faultline, 'fingerprinter' | 'scrubber'>,
  onExplanation: (explanation: EventExplanation) => void,
): void {
  Sentry.getGlobalScope().addEventProcessor((event, hint) => {
    if (event.type !== undefined) return event;
    const { rule, steps } = faultline.fingerprinter.explain(event, hint);
    const exceptions = event.exception?.values ?? [];
    onExplanation({
      eventId: event.event_id ?? '',
      type: exceptions[exceptions.length - 1]?.type,
      transaction: event.transaction,
      tags: event.tags,
      fingerprint: event.fingerprint,
      rule,
      steps: steps.map((step) => ({ ...step, reason: faultline.scrubber.scrubString(step.reason) })),
    });
    return event;
  });
}
