import type { Cluster, Redis } from 'ioredis';
import { instrumentBatches } from './batch.js';
import { isCommand, observeCommand, watchQuietly } from './command.js';
import { type InstrumentRedisOptions, resolveOptions } from './options.js';
import { OutageTracker } from './outage.js';
import { type ClientState, planFor, QUIET } from './plan.js';
import { type ClientShape, nodeLabel, targetOf } from './target.js';

/** Marks an instrumented client; `Symbol.for` so that the ESM and CJS builds agree. */
const INSTRUMENTED = Symbol.for('@faultline/ioredis.instrumented');

/** Marks a command already seen: ioredis sends a queued command again on reconnect. */
const SEEN = Symbol('@faultline/ioredis.seen');

type Mutable = ClientShape &
  Record<string | symbol, unknown> & { status?: unknown; manuallyClosing?: unknown };

/** ioredis re-sends a batch's commands through the client with a stream marked `isPipeline`. */
const inBatch = (stream: unknown): boolean =>
  typeof stream === 'object' && stream !== null && (stream as { isPipeline?: unknown }).isPipeline === true;

function wrapSendCommand(client: Mutable, state: ClientState): void {
  const sendCommand = client.sendCommand as (command: unknown, stream?: unknown, node?: unknown) => unknown;
  client.sendCommand = function (this: unknown, command: unknown, stream?: unknown, node?: unknown) {
    if (!isCommand(command) || (command as { [SEEN]?: true })[SEEN] || inBatch(stream))
      return sendCommand.call(this, command, stream, node);
    (command as { [SEEN]?: true })[SEEN] = true;
    const plan = planFor(state);
    if (plan === QUIET) {
      const result = sendCommand.call(this, command, stream, node);
      watchQuietly(state, command);
      return result;
    }
    return observeCommand(state, command, plan, () => sendCommand.call(this, command, stream, node));
  };
}

/** Watches `error`, `node error`, `connect` and `ready` by wrapping `emit`, so the client's listeners stay as they were. */
function watchEvents(client: Mutable, state: ClientState): void {
  const onEvent = (event: unknown, args: unknown[]) => {
    if (event === 'connect') state.outage.connected();
    else if (event === 'ready') state.outage.recovered();
    else if (event === 'node error')
      state.outage.observe(args[0], typeof args[1] === 'string' ? nodeLabel(args[1]) : undefined);
    else if (event === 'error' && client.status !== 'end' && client.manuallyClosing !== true)
      state.outage.observe(args[0]);
  };
  // ioredis reports errors through silentEmit, which calls emit only when there are listeners
  for (const method of ['emit', 'silentEmit']) {
    const emit = client[method];
    if (typeof emit !== 'function') continue;
    client[method] = function (this: unknown, event: unknown, ...args: unknown[]) {
      try {
        onEvent(event, args);
      } catch {
        // instrumentation never breaks the client
      }
      return emit.call(this, event, ...args);
    };
  }
}

/**
 * Instruments an ioredis `Redis` or `Cluster` client for Sentry and returns it.
 *
 * - a span per command inside an active span (op `db.redis`, or `cache.get`/`cache.put`/`cache.remove`
 *   for keys under `cachePrefixes`), named by the sanitized statement (`SET session:1 ?`);
 * - one span per `pipeline()`/`multi()` batch, `PIPELINE`/`MULTI`, listing its statements;
 * - a `redis` breadcrumb per such command;
 * - one `RedisConnectionError` event per outage (refused, timed out, auth failed, retries exhausted),
 *   tagged `redis.host`.
 *
 * Keys are shown, values never: see {@link sanitizeRedisCommand}. When `@sentry/node`'s own Redis
 * integration already traces this client, no spans are made (option `spans`). Instrumenting a
 * client twice does nothing the second time.
 *
 * @example
 * const redis = instrumentRedis(new Redis(process.env.REDIS_URL), { cachePrefixes: ['session:'] });
 */
export function instrumentRedis<T extends Redis | Cluster>(client: T, options?: InstrumentRedisOptions): T {
  const resolved = resolveOptions(options);
  const target = client as unknown as Mutable;
  if (typeof target?.sendCommand !== 'function')
    throw new TypeError('instrumentRedis expects an ioredis Redis or Cluster client');
  if (target[INSTRUMENTED] === true) return client;
  Object.defineProperty(target, INSTRUMENTED, { value: true });
  const where = targetOf(target);
  const state: ClientState = {
    options: resolved,
    target: where,
    outage: new OutageTracker(resolved.captureConnectionErrors, where.label),
    isCluster: target.isCluster === true,
    db: where.db,
    coveredBy: new WeakSet(),
    onQuietFailure: (error: unknown) => {
      state.outage.observe(error);
    },
  };
  wrapSendCommand(target, state);
  instrumentBatches(target, state);
  watchEvents(target, state);
  return client;
}
