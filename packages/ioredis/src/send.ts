import { type Span, timestampInSeconds } from '@sentry/core';
import type { ClientState, Plan } from './plan.js';
import { probe } from './sentry-redis.js';
import { endRedisSpan } from './spans.js';

/**
 * Sends a command or batch as `plan` says: in a span started first (`start`), in one started only
 * when Sentry's own Redis integration made none while sending (`probe`), or without a span. A
 * synchronous throw ends the span and is rethrown.
 */
export function sendAsPlanned<T>(
  state: ClientState,
  plan: Plan,
  start: (startTime?: number) => Span,
  send: () => T,
): { span: Span | undefined; result: T } {
  let span: Span | undefined;
  try {
    if (plan.span === 'start') {
      span = start();
      return { span, result: send() };
    }
    if (plan.span !== 'probe' || !plan.client) return { span, result: send() };
    const startTime = timestampInSeconds();
    const probed = probe(plan.client, send);
    if (probed.foreign) state.coveredBy.add(plan.client);
    else span = start(startTime);
    return { span, result: probed.result };
  } catch (error) {
    if (span) endRedisSpan(span, error);
    throw error;
  }
}
