import type { Span, SpanAttributes } from '@sentry/core';
import { type CacheOperation, cacheOperation, readResult, ttlSeconds, writtenSize } from './cache.js';
import type { ClientState, Plan } from './plan.js';
import { sendAsPlanned } from './send.js';
import { baseAttributes, DB_OP, endRedisSpan, redisBreadcrumb, startRedisSpan } from './spans.js';
import { type SanitizedCommand, sanitizeRedisCommand } from './statement.js';

/** The parts of an ioredis `Command` this package reads. */
export interface CommandShape {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly promise: Promise<unknown>;
}

/** Whether `value` looks like an ioredis `Command` (anything else is passed through untouched). */
export function isCommand(value: unknown): value is CommandShape {
  const command = value as Partial<CommandShape> | null;
  return (
    typeof command?.name === 'string' &&
    Array.isArray(command.args) &&
    typeof command.promise?.then === 'function'
  );
}

function spanAttributes(
  state: ClientState,
  sanitized: SanitizedCommand,
  command: CommandShape,
  cache: CacheOperation | undefined,
): SpanAttributes {
  const attributes: SpanAttributes = {
    ...baseAttributes(state.target, state.db),
    'db.operation.name': sanitized.operation,
    'db.query.text': sanitized.statement,
  };
  if (cache === undefined) return attributes;
  attributes['cache.key'] = [...sanitized.keys];
  if (state.target.address !== undefined) attributes['network.peer.address'] = state.target.address;
  if (state.target.port !== undefined) attributes['network.peer.port'] = state.target.port;
  const ttl = ttlSeconds(command.name, command.args);
  if (ttl !== undefined) attributes['cache.ttl'] = ttl;
  const size = cache === 'cache.put' ? writtenSize(command.name, command.args) : undefined;
  if (size !== undefined) attributes['cache.item_size'] = size;
  return attributes;
}

/** Watches a command that gets neither span nor breadcrumb: outages and `SELECT` only. */
export function watchQuietly(state: ClientState, command: CommandShape): void {
  if (command.name === 'select')
    command.promise.then(() => {
      state.db = Number(command.args[0]) || 0;
    }, state.onQuietFailure);
  else if (state.options.captureConnectionErrors) command.promise.catch(state.onQuietFailure);
}

/**
 * Sends one command through `send` (ioredis' own `sendCommand`) and records it as `plan` says:
 * a span, a breadcrumb, an outage. Returns what `send` returned.
 */
export function observeCommand<T>(state: ClientState, command: CommandShape, plan: Plan, send: () => T): T {
  const sanitized = sanitizeRedisCommand(command.name, command.args, { maxArgs: state.options.maxArgs });
  const cache = cacheOperation(command.name, sanitized.keys, state.options.cachePrefixes);
  const startedAt = Date.now();
  const start = (startTime?: number): Span =>
    startRedisSpan(
      sanitized.statement,
      cache ?? DB_OP,
      spanAttributes(state, sanitized, command, cache),
      startTime,
    );
  const { span, result } = sendAsPlanned(state, plan, start, send);
  const finish = (reply: unknown, error?: unknown) => {
    if (error !== undefined) state.outage.observe(error);
    else if (command.name === 'select') state.db = Number(command.args[0]) || 0;
    if (span) {
      if (cache === 'cache.get' && error === undefined) {
        const { hit, size } = readResult(reply);
        span.setAttribute('cache.hit', hit);
        if (hit) span.setAttribute('cache.item_size', size);
      }
      endRedisSpan(span, error);
    }
    if (plan.breadcrumb)
      redisBreadcrumb(sanitized.statement, sanitized.operation, state.target, startedAt, error);
  };
  command.promise.then(
    (reply) => finish(reply),
    (error: unknown) => finish(undefined, error ?? new Error('rejected')),
  );
  return result;
}
