export {
  findRedisServer,
  freePort,
  RedisServer,
  type RedisServerOptions,
  requireRedisServer,
} from './redis-server.js';
