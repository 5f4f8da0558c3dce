import type { Event, EventHint, StackFrame } from '@sentry/core';

/** What the rules look at, gathered once per event from the event and the original error. */
export interface Facts {
  /** The exception type (`QueryFailedError`), or undefined for a message event. */
  type: string | undefined;
  /** The exception value, or the message. */
  value: string;
  /** The frames of the exception's stack, innermost last (Sentry's order). */
  frames: readonly StackFrame[];
  /** The function of the innermost in-app frame (or innermost frame). */
  function: string | undefined;
  level: string | undefined;
  transaction: string | undefined;
  tags: Readonly<Record<string, unknown>>;
  /** The HTTP status of the failure, if the error or the event carries one. */
  statusCode: number | undefined;
  /** The original error (`hint.originalException`), read with care: it may be anything. */
  original: Record<string, unknown> | undefined;
  event: Event;
}

/** Reads `object[key]`, returning undefined when reading throws (getters, Proxies). */
export function read(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** A string field, or undefined. */
export function readString(object: unknown, key: string): string | undefined {
  const value = read(object, key);
  return typeof value === 'string' ? value : undefined;
}

function asStatus(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 100 && number <= 599
    ? number
    : undefined;
}

/** The HTTP status from the error (`status`, `statusCode`, `response.status`) or the event. */
function statusOf(original: unknown, event: Event): number | undefined {
  const response = read(original, 'response');
  return (
    asStatus(read(original, 'status')) ??
    asStatus(read(original, 'statusCode')) ??
    asStatus(read(response, 'status')) ??
    asStatus(read(response, 'statusCode')) ??
    asStatus(read(event.tags, 'http.status_code')) ??
    asStatus(read(read(event.contexts, 'response'), 'status_code'))
  );
}

function innermostFunction(frames: readonly StackFrame[]): string | undefined {
  for (let index = frames.length - 1; index >= 0; index--) {
    const frame = frames[index]!;
    if (frame.in_app && frame.function && frame.function !== '?') return frame.function;
  }
  const last = frames[frames.length - 1]?.function;
  return last && last !== '?' ? last : undefined;
}

/** Gathers the facts of `event`; never throws. */
export function gatherFacts(event: Event, hint?: EventHint): Facts {
  const exception = event.exception?.values?.[event.exception.values.length - 1];
  const frames = exception?.stacktrace?.frames ?? [];
  const original = hint?.originalException;
  return {
    type: exception?.type,
    value: exception?.value ?? event.logentry?.message ?? event.message ?? '',
    frames,
    function: innermostFunction(frames),
    level: event.level,
    transaction: event.transaction,
    tags: event.tags ?? {},
    statusCode: statusOf(original, event),
    original:
      typeof original === 'object' && original !== null ? (original as Record<string, unknown>) : undefined,
    event,
  };
}
