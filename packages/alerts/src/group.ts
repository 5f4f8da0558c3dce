import type { Event } from '@sentry/core';

/** What an alert keeps of the last event of a group: built from the (scrubbed) event, cut short. */
export interface EventSummary {
  title: string;
  level: string;
  errorType?: string;
  message?: string;
  culprit?: string;
  tags: Record<string, string>;
  eventId?: string;
  environment?: string;
  release?: string;
  service?: string;
}

const MAX_KEY = 200;
const MAX_TITLE = 200;
const MAX_MESSAGE = 1000;
const MAX_TAGS = 5;
const MAX_TAG_KEY = 64;
const MAX_TAG_VALUE = 200;
const DEFAULT_FINGERPRINT = '{{ default }}';

type Frame = { function?: unknown; in_app?: unknown };

/** The innermost in-app frame's function; else the innermost frame with a function. */
function topFunction(frames: unknown): string | undefined {
  if (!Array.isArray(frames)) return undefined;
  let fallback: string | undefined;
  for (let index = frames.length - 1; index >= 0; index--) {
    const frame = frames[index] as Frame | undefined;
    if (typeof frame?.function !== 'string') continue;
    if (frame.in_app === true) return frame.function;
    fallback ??= frame.function;
  }
  return fallback;
}

/** The main exception: the last of `exception.values`. */
function mainException(event: Event) {
  const values = event.exception?.values;
  return Array.isArray(values) ? values[values.length - 1] : undefined;
}

function messageOf(event: Event): string | undefined {
  const text = event.logentry?.message ?? event.message;
  return typeof text === 'string' ? text : undefined;
}

/** `type|function` of the main exception, else `Message|<message template>`. */
function defaultKey(event: Event): string {
  const exception = mainException(event);
  if (exception) return `${exception.type ?? 'Error'}|${topFunction(exception.stacktrace?.frames) ?? ''}`;
  return `Message|${(messageOf(event) ?? '').slice(0, MAX_KEY)}`;
}

/**
 * The group of an event: its fingerprint joined with `|` (`{{ default }}` parts replaced by the
 * default key), else the exception type and the innermost in-app function (`TypeError|chargeCard`).
 * At most 200 characters.
 */
export function groupKey(event: Event): string {
  const fingerprint = event.fingerprint;
  let key: string;
  if (!Array.isArray(fingerprint) || fingerprint.length === 0) key = defaultKey(event);
  else if (fingerprint.length === 1 && fingerprint[0] === DEFAULT_FINGERPRINT) key = defaultKey(event);
  else {
    key = '';
    for (let index = 0; index < fingerprint.length && key.length < MAX_KEY; index++) {
      const part = fingerprint[index];
      const text = part === DEFAULT_FINGERPRINT ? defaultKey(event) : String(part);
      key = index === 0 ? text : `${key}|${text}`;
    }
  }
  return key.length > MAX_KEY ? key.slice(0, MAX_KEY) : key;
}

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max - 1)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

function tagsOf(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof tags !== 'object' || tags === null) return out;
  let taken = 0;
  for (const [key, value] of Object.entries(tags)) {
    const shown = text(value, MAX_TAG_VALUE);
    if (shown === undefined) continue;
    out[text(key, MAX_TAG_KEY)!] = shown;
    if (++taken === MAX_TAGS) break;
  }
  return out;
}

/** The level of an event as the rules see it: a missing level is `error` (as Sentry assumes). */
export const levelOf = (event: Event): string => (typeof event.level === 'string' ? event.level : 'error');

/**
 * The few fields of an event an alert carries. Only these are read, so nothing else of the event
 * (request headers, extra, contexts, breadcrumbs) can reach a notifier.
 */
export function summarize(event: Event, key: string): EventSummary {
  const exception = mainException(event);
  const errorType = text(exception?.type, MAX_TITLE);
  const value = text(exception?.value, MAX_MESSAGE) ?? text(messageOf(event), MAX_MESSAGE);
  const head = errorType ?? (value === undefined ? key : undefined);
  const title = text(
    head !== undefined && value !== undefined ? `${head}: ${value}` : (head ?? value),
    MAX_TITLE,
  );
  const culprit = topFunction(exception?.stacktrace?.frames) ?? event.transaction;
  return {
    title: title ?? key,
    level: text(levelOf(event), 32) ?? 'error',
    errorType,
    message: value,
    culprit: text(culprit, MAX_TITLE),
    tags: tagsOf(event.tags),
    eventId: text(event.event_id, 64),
    environment: text(event.environment, MAX_TAG_VALUE),
    release: text(event.release, MAX_TAG_VALUE),
    service: text(event.server_name, MAX_TAG_VALUE),
  };
}

/** {@link summarize}, or a summary holding only the group key when the event cannot be read. */
export function safeSummary(event: Event, key: string): EventSummary {
  try {
    return summarize(event, key);
  } catch {
    return { title: key, level: 'error', tags: {} };
  }
}
