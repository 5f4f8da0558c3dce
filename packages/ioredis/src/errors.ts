/** Thrown by `instrumentRedis` for an option it cannot use. `option` names it, e.g. `cachePrefixes[1]`. */
export class InstrumentRedisOptionsError extends TypeError {
  override readonly name = 'InstrumentRedisOptionsError';
  constructor(
    readonly option: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid instrumentRedis option \`${option}\`: ${problem}. ${fix}`);
  }
}

/**
 * What `instrumentRedis` captures, once per outage, when a client cannot reach or log in to Redis.
 * Its message names the target (`host:port`, never a password or a URL) and the cause.
 */
export class RedisConnectionError extends Error {
  override readonly name = 'RedisConnectionError';
  constructor(
    message: string,
    /** What went wrong: `ECONNREFUSED`, `ETIMEDOUT`, `WRONGPASS`, `NOAUTH`, `MaxRetriesPerRequestError`, … */
    readonly code: string,
    /** The target as `host:port` (or the socket path, or the Sentinel group). */
    readonly host: string,
  ) {
    super(message);
  }
}

/** How a bad option value is shown in an error message (never the whole value). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? `the string "${value.slice(0, 40)}"` : typeof value;
}
