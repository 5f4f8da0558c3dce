export { ConfigError } from './errors.js';
export { FINGERPRINT_RULE_NAMES, SCRUB_DETECTOR_NAMES } from './known-names.js';
export { configToEnv, loadConfig } from './load-config.js';
export { REDACTED, redactConfig, redactSecret } from './redact.js';
export { renderDocsTable, renderEnvExample } from './render.js';
export { VARIABLES } from './schema.js';
export type {
  AlertsConfig,
  ConfigIssue,
  DerivedDefault,
  EmailAlertsConfig,
  Env,
  FaultlineConfig,
  FingerprintConfig,
  ScrubConfig,
  SentryConfig,
  SettingsAt,
  SlackAlertsConfig,
  ValueOf,
  ValueSchema,
  VariableDefinition,
} from './types.js';
