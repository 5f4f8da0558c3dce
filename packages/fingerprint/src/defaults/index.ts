import type { CompiledRule, RuleContext } from '../rule.js';
import type { DefaultRuleName } from '../types.js';
import { authRule } from './auth.js';
import { databaseRule } from './database.js';
import { externalServiceRule } from './external-service.js';
import { rateLimitRule } from './rate-limit.js';
import { validationRule } from './validation.js';

/** The built-in rules in the order they are tried. */
export const DEFAULT_RULE_NAMES: readonly DefaultRuleName[] = [
  'database',
  'auth',
  'rate-limit',
  'external-service',
  'validation',
];

/** The built-in rules, by name, for one fingerprinter's settings. */
export function defaultRules(context: RuleContext): Record<DefaultRuleName, CompiledRule> {
  return {
    database: databaseRule,
    auth: authRule,
    'rate-limit': rateLimitRule,
    'external-service': externalServiceRule(context),
    validation: validationRule,
  };
}
