import type { Span } from '@sentry/core';
import type { CommandShape } from './command.js';
import { isCommand } from './command.js';
import type { ClientState } from './plan.js';
import { planFor } from './plan.js';
import { sendAsPlanned } from './send.js';
import { baseAttributes, DB_OP, endRedisSpan, redisBreadcrumb, startRedisSpan } from './spans.js';
import { sanitizeRedisCommand } from './statement.js';

/** At most this many statements go into `db.redis.commands`. */
export const MAX_BATCH_STATEMENTS = 50;

/** The parts of an ioredis `Pipeline` this package reads. `_queue` holds its commands. */
interface BatchShape {
  exec: (...args: unknown[]) => unknown;
  readonly length?: number;
  readonly _queue?: unknown;
}

type Kind = 'PIPELINE' | 'MULTI';

function isBatch(value: unknown): value is BatchShape {
  return typeof (value as Partial<BatchShape> | null)?.exec === 'function';
}

/** The commands the user queued: MULTI's own `multi` and `exec` markers left out. */
function queued(batch: BatchShape, kind: Kind): CommandShape[] {
  const queue = Array.isArray(batch._queue) ? batch._queue.filter(isCommand) : [];
  return kind === 'MULTI' ? queue.filter(({ name }) => name !== 'multi' && name !== 'exec') : queue;
}

/** Failed entries of a pipeline's `[error, result][]`. */
function failures(results: unknown): unknown[] {
  if (!Array.isArray(results)) return [];
  return results.flatMap((entry) => (Array.isArray(entry) && entry[0] ? [entry[0]] : []));
}

/** Calls `finish` once `exec()`'s promise settles; false when it returned no promise. */
function settle(result: unknown, finish: (error: unknown, failed: unknown[]) => void): boolean {
  if (typeof (result as Promise<unknown> | undefined)?.then !== 'function') return false;
  (result as Promise<unknown>).then(
    (results) => finish(undefined, failures(results)),
    (error: unknown) => finish(error ?? new Error('rejected'), []),
  );
  return true;
}

function observeFailures(state: ClientState, error: unknown, failed: unknown[]): void {
  for (const failure of [error, ...failed]) if (failure !== undefined) state.outage.observe(failure);
}

function observeBatch(state: ClientState, batch: BatchShape, kind: Kind, send: () => unknown): unknown {
  const plan = planFor(state);
  if (plan.span === 'none' && !plan.breadcrumb) {
    const result = send();
    if (state.options.captureConnectionErrors)
      settle(result, (error, failed) => observeFailures(state, error, failed));
    return result;
  }
  const commands = queued(batch, kind);
  const statements = commands
    .slice(0, MAX_BATCH_STATEMENTS)
    .map((command) => sanitizeRedisCommand(command.name, command.args, state.options).statement);
  if (commands.length > MAX_BATCH_STATEMENTS)
    statements.push(`[${commands.length - MAX_BATCH_STATEMENTS} more]`);
  const start = (startTime?: number): Span =>
    startRedisSpan(
      kind,
      DB_OP,
      {
        ...baseAttributes(state.target, state.db),
        'db.operation.name': kind,
        'db.operation.batch.size': commands.length,
        'db.redis.commands': statements,
      },
      startTime,
    );
  const startedAt = Date.now();
  const { span, result } = sendAsPlanned(state, plan, start, send);
  const finish = (error: unknown, failed: unknown[]) => {
    observeFailures(state, error, failed);
    const firstError = error ?? failed[0];
    if (span) {
      if (failed.length > 0) span.setAttribute('db.redis.failed_commands', failed.length);
      endRedisSpan(span, firstError);
    }
    if (plan.breadcrumb)
      redisBreadcrumb(`${kind} (${commands.length} commands)`, kind, state.target, startedAt, firstError, {
        commands: statements.slice(0, 20),
      });
  };
  if (!settle(result, finish) && span) endRedisSpan(span);
  return result;
}

/**
 * Makes `client.pipeline()` and `client.multi()` return batches whose `exec()` is recorded as one
 * span, `PIPELINE` or `MULTI`, listing the sanitized statements.
 */
export function instrumentBatches(client: Record<string, unknown>, state: ClientState): void {
  for (const [method, kind] of [
    ['pipeline', 'PIPELINE'],
    ['multi', 'MULTI'],
  ] as const) {
    const create = client[method];
    if (typeof create !== 'function') continue;
    client[method] = function (this: unknown, ...args: unknown[]) {
      const batch: unknown = create.apply(this, args);
      // multi({ pipeline: false }) sends MULTI at once and returns its promise, not a batch
      if (isBatch(batch)) wrapExec(batch, kind, state);
      return batch;
    };
  }
}

function wrapExec(batch: BatchShape, kind: Kind, state: ClientState): void {
  const exec = batch.exec;
  let started = false;
  batch.exec = function (this: unknown, ...args: unknown[]) {
    // a cluster calls exec again to retry after MOVED or while it connects: one span, the first
    if (started) return exec.apply(this, args);
    started = true;
    return observeBatch(state, batch, kind, () => exec.apply(this, args));
  };
}
