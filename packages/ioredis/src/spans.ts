import {
  addBreadcrumb,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SPAN_STATUS_ERROR,
  type Span,
  type SpanAttributes,
  type SpanTimeInput,
  startInactiveSpan,
} from '@sentry/core';
import type { RedisTarget } from './target.js';

/** `sentry.origin` of every span this package makes. */
export const ORIGIN = 'auto.db.faultline.ioredis';

/** The op of a span that is not a cache operation. */
export const DB_OP = 'db.redis';

const cached = new WeakMap<RedisTarget, { db: number; attributes: SpanAttributes }>();

/** Attributes every span of a client gets: system, server, database (one object per target and database). */
export function baseAttributes(target: RedisTarget, db: number): SpanAttributes {
  const hit = cached.get(target);
  if (hit?.db === db) return hit.attributes;
  const attributes: SpanAttributes = {
    [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: ORIGIN,
    'db.system': 'redis',
    'db.system.name': 'redis',
    'db.namespace': String(db),
  };
  if (target.address !== undefined) attributes['server.address'] = target.address;
  if (target.port !== undefined) attributes['server.port'] = target.port;
  cached.set(target, { db, attributes });
  return attributes;
}

/** Starts a span that is not made active: ioredis' own callbacks never run inside it. */
export function startRedisSpan(
  name: string,
  op: string,
  attributes: SpanAttributes,
  startTime?: SpanTimeInput,
): Span {
  return startInactiveSpan({ name, op, attributes, ...(startTime === undefined ? {} : { startTime }) });
}

/**
 * A short, value-free name for an error: a Redis reply's code (`WRONGTYPE`, `NOSCRIPT`, `ERR`), a
 * socket error code (`ECONNREFUSED`), or the error's class name. Never the message, which can
 * quote a script or an argument.
 */
export function errorType(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,31}$/.test(code)) return code;
  const reply = typeof message === 'string' ? /^([A-Z][A-Z_]{1,31})\b/.exec(message) : null;
  if (name === 'ReplyError' && reply) return reply[1]!;
  return typeof name === 'string' && /^\w{1,64}$/.test(name) ? name : 'Error';
}

/** Ends a span, with error status and `error.type` when the command failed. */
export function endRedisSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.setStatus({ code: SPAN_STATUS_ERROR, message: 'internal_error' });
    span.setAttribute('error.type', errorType(error));
  }
  span.end();
}

/** One `redis` breadcrumb: the sanitized statement, how long it took and, on failure, the error type. */
export function redisBreadcrumb(
  message: string,
  operation: string,
  target: RedisTarget,
  startedAt: number,
  error?: unknown,
  data: Record<string, unknown> = {},
): void {
  addBreadcrumb({
    category: 'redis',
    type: 'query',
    level: error === undefined ? 'info' : 'error',
    message,
    data: {
      'db.operation.name': operation,
      'redis.host': target.label,
      durationMs: Math.round((Date.now() - startedAt) * 10) / 10,
      ...(error === undefined ? {} : { 'error.type': errorType(error) }),
      ...data,
    },
  });
}
