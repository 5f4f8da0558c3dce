import type { Event, EventHint } from '@sentry/core';
import { DEFAULT_RULE_NAMES, defaultRules } from './defaults/index.js';
import { FingerprintRuleError } from './errors.js';
import { gatherFacts } from './facts.js';
import type { CompiledRule, Verdict } from './rule.js';
import type { ExplanationStep, Fingerprinter, FingerprinterOptions } from './types.js';
import { compileUserRule } from './user-rules.js';

function enabledDefaults(options: FingerprinterOptions): CompiledRule[] {
  const { defaults = true } = options;
  const rules = defaultRules({ services: options.services ?? {} });
  if (defaults === false) return [];
  if (defaults === true) return DEFAULT_RULE_NAMES.map((name) => rules[name]);
  if (typeof defaults !== 'object' || defaults === null)
    throw new FingerprintRuleError(
      'defaults',
      'defaults',
      'expected true, false or an object',
      'Write e.g. { auth: false }.',
    );
  for (const name of Object.keys(defaults))
    if (!(DEFAULT_RULE_NAMES as readonly string[]).includes(name))
      throw new FingerprintRuleError(
        'defaults',
        `defaults.${name}`,
        'unknown built-in rule',
        `Known: ${DEFAULT_RULE_NAMES.join(', ')}.`,
      );
  return DEFAULT_RULE_NAMES.filter((name) => defaults[name] !== false).map((name) => rules[name]);
}

/**
 * Creates a fingerprinter: your rules first, in order, then the built-in ones; the first rule that
 * matches decides. Rules are checked here: a bad one throws a `FingerprintRuleError`.
 */
export function createFingerprinter(options: FingerprinterOptions = {}): Fingerprinter {
  if (options.rules !== undefined && !Array.isArray(options.rules))
    throw new FingerprintRuleError(
      'rules',
      'rules',
      'expected an array of rules',
      'Pass rules: [{ match, fingerprint }].',
    );
  const rules = [...(options.rules ?? []).map(compileUserRule), ...enabledDefaults(options)];
  const reported = new Set<string>();

  const tryRule = (rule: CompiledRule, facts: ReturnType<typeof gatherFacts>): Verdict => {
    try {
      return rule.evaluate(facts);
    } catch (error) {
      if (!reported.has(rule.name)) {
        reported.add(rule.name);
        try {
          options.onRuleError?.(error, rule.name);
        } catch {
          // a reporting callback that throws changes nothing
        }
      }
      return { matched: false, reason: 'the rule threw while matching; skipped' };
    }
  };

  const explain: Fingerprinter['explain'] = (event: Event, hint?: EventHint) => {
    const steps: ExplanationStep[] = [];
    try {
      const facts = gatherFacts(event, hint);
      for (const rule of rules) {
        const verdict = tryRule(rule, facts);
        steps.push({ rule: rule.name, matched: verdict.matched, reason: verdict.reason });
        if (verdict.matched) return { fingerprint: verdict.fingerprint, rule: rule.name, steps };
      }
    } catch (error) {
      steps.push({
        rule: '(facts)',
        matched: false,
        reason: `the event could not be read: ${String(error)}`,
      });
    }
    return { fingerprint: undefined, rule: undefined, steps };
  };

  return {
    fingerprint(event, hint) {
      try {
        const facts = gatherFacts(event, hint);
        for (const rule of rules) {
          const verdict = tryRule(rule, facts);
          if (verdict.matched) return verdict.fingerprint;
        }
      } catch {
        // an unreadable event keeps Sentry's default grouping
      }
      return undefined;
    },
    explain,
  };
}
