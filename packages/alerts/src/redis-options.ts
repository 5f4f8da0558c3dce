import { AlertOptionsError, describe } from './errors.js';
import type { RedisClient } from './redis-client.js';

/** Options of `redisStore`: a client you own, or a URL to connect to. */
export interface RedisStoreOptions {
  /** An ioredis client (or any {@link RedisClient}); the store never closes it. */
  client?: RedisClient;
  /** `redis://…`: the store creates its own ioredis client (ioredis must be installed) and quits it on close. */
  url?: string;
  /** Prefix of every key. Default `faultline:alerts:`. Engines with different rules need different prefixes. */
  prefix?: string;
  /** Groups whose own counts this process remembers for a replay after a Redis restart. Default `100_000`. */
  maxGroups?: number;
}

/** Throws `AlertOptionsError` for options `redisStore` cannot use. */
export function validate(options: RedisStoreOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new AlertOptionsError(
      'options',
      `expected an object, got ${describe(options)}`,
      'Pass { client } or { url }.',
    );
  const { client, url, prefix, maxGroups = 100_000 } = options;
  if ((client === undefined) === (url === undefined))
    throw new AlertOptionsError(
      'client',
      'expected exactly one of `client` and `url`',
      'Pass { client } or { url }.',
    );
  if (
    client !== undefined &&
    (typeof client !== 'object' || client === null || typeof client.evalsha !== 'function')
  )
    throw new AlertOptionsError(
      'client',
      `expected an ioredis client, got ${describe(client)}`,
      'Pass new Redis(url).',
    );
  if (url !== undefined && (typeof url !== 'string' || !/^rediss?:\/\//.test(url)))
    throw new AlertOptionsError(
      'url',
      'expected a redis:// or rediss:// URL',
      "Use e.g. 'redis://127.0.0.1:6379'.",
    );
  if (prefix !== undefined && typeof prefix !== 'string')
    throw new AlertOptionsError(
      'prefix',
      `expected a string, got ${describe(prefix)}`,
      "Use e.g. 'myapp:alerts:'.",
    );
  if (!Number.isInteger(maxGroups) || maxGroups < 1)
    throw new AlertOptionsError(
      'maxGroups',
      `expected a positive integer, got ${describe(maxGroups)}`,
      'Use e.g. 100000.',
    );
}
