export { InstrumentRedisOptionsError, RedisConnectionError } from './errors.js';
export { instrumentRedis } from './instrument.js';
export type { InstrumentRedisOptions } from './options.js';
export { SENTRY_REDIS_INTEGRATION } from './sentry-redis.js';
export { type SanitizedCommand, type SanitizeOptions, sanitizeRedisCommand } from './statement.js';
