import { createHash } from 'node:crypto';

/**
 * The few commands the Redis store uses. An ioredis `Redis` client satisfies it; so does any
 * client with the same promise-returning `evalsha`, `eval`, `script` and `quit`.
 */
export interface RedisClient {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  script(subcommand: 'LOAD', script: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

/** Creates an ioredis client for `url`, importing ioredis only now (it is an optional peer dependency). */
export async function connect(url: string): Promise<RedisClient> {
  let ioredis: typeof import('ioredis');
  try {
    ioredis = await import('ioredis');
  } catch (cause) {
    throw new Error(
      'redisStore({ url }) needs the ioredis package, an optional peer dependency of @faultline/alerts: npm install ioredis',
      { cause },
    );
  }
  const Redis = ioredis.Redis ?? ioredis.default;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  // a failed command rejects and reaches the engine's onError; the event would only repeat it
  client.on('error', () => {});
  return client;
}

/** Runs a Lua script by its SHA1 (loaded once with SCRIPT LOAD), falling back to EVAL on NOSCRIPT. */
export type LuaScript = (
  client: RedisClient,
  keys: readonly string[],
  args: readonly (string | number)[],
) => Promise<unknown>;

/** Makes a {@link LuaScript}. After a Redis restart the script cache is empty: EVAL loads it again. */
export function luaScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  const loaded = new WeakSet<RedisClient>();
  return async (client, keys, args) => {
    if (!loaded.has(client)) {
      loaded.add(client);
      await client.script('LOAD', source).catch(() => {});
    }
    try {
      return await client.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error | undefined)?.message).includes('NOSCRIPT')) throw error;
      return client.eval(source, keys.length, ...keys, ...args);
    }
  };
}
