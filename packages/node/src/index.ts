export { ConfigError } from '@faultline/config';
export { type CaptureOptions, ErrorTracker, type TrackedUser } from './error-tracker.js';
export { type Faultline, type InitOptions, init } from './init.js';
export type { Mode } from './lean.js';
export type { LogLine } from './log.js';
export type { ConfigOverrides } from './overrides.js';
