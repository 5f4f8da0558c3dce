import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { findRedisServer, RedisServer, requireRedisServer } from '../src/index.js';

let server: RedisServer | undefined;
afterEach(() => server?.kill());

describe('RedisServer', () => {
  it('fails, never skips, when redis-server is not installed', () => {
    expect(findRedisServer(['/nonexistent/redis-server'])).toBeUndefined();
    expect(() => requireRedisServer(['/nonexistent/redis-server'])).toThrow(
      /redis-server is not installed.*apt-get install redis-server/,
    );
  });

  it('starts a server without persistence, and starts it again on the same port after a kill -9', async () => {
    server = await RedisServer.start();
    const client = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    await client.set('k', 'v');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    await server.kill();
    await server.launch();
    client.disconnect();
    const again = new Redis(server.url);
    expect(await again.get('k')).toBeNull(); // the data went with the process
    again.disconnect();
  });
});
