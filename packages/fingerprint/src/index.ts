export { DEFAULT_RULE_NAMES } from './defaults/index.js';
export { FingerprintRuleError } from './errors.js';
export { createFingerprinter } from './fingerprinter.js';
export { type FingerprintIntegrationOptions, fingerprintIntegration } from './integration.js';
export { parameterize } from './parameterize.js';
export { parseSentryRules, RuleSyntaxError } from './sentry-rules.js';
export type {
  DefaultRuleName,
  Explanation,
  ExplanationStep,
  Fingerprinter,
  FingerprinterOptions,
  FingerprintRule,
  RuleMatchers,
} from './types.js';
