export { createAlertEngine } from './engine.js';
export type {
  AlertEngine,
  AlertEngineOptions,
  AlertErrorContext,
  BurstOptions,
  ErrorRateOptions,
} from './engine-options.js';
export { AlertOptionsError } from './errors.js';
export { type AlertsIntegrationOptions, alertsIntegration } from './integration.js';
export { type MemoryStoreOptions, memoryStore } from './memory-store.js';
export type { RedisClient } from './redis-client.js';
export type { RedisStoreOptions } from './redis-options.js';
export { redisStore } from './redis-store.js';
export {
  type AlertStore,
  type BurstWindowRule,
  type GroupCount,
  type GroupWindow,
  type RateWindow,
  type RateWindowRule,
  StoreWriteError,
} from './store.js';
export type { Alert, AlertGroup, AlertKind, Event, Notifier } from './types.js';
