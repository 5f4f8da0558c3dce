import { FingerprintRuleError } from './errors.js';
import type { Facts } from './facts.js';
import { parameterize } from './parameterize.js';
import { endpointOf } from './route.js';

const VARIABLE = /^\{\{\s*([\w.-]{1,100})\s*\}\}$/;
const DEFAULT = '{{ default }}';

function innermostInApp(facts: Facts, field: 'module' | 'abs_path'): string | undefined {
  for (let index = facts.frames.length - 1; index >= 0; index--) {
    const frame = facts.frames[index]!;
    if (frame.in_app) return field === 'module' ? frame.module : (frame.abs_path ?? frame.filename);
  }
  return undefined;
}

/** The value of each variable a fingerprint part may name; `tags.NAME` is handled apart. */
const VARIABLES: Record<string, (facts: Facts) => string | undefined> = {
  transaction: (facts) => endpointOf(facts.transaction, undefined, undefined),
  'error.type': (facts) => facts.type,
  type: (facts) => facts.type,
  'error.value': (facts) => parameterize(facts.value),
  value: (facts) => parameterize(facts.value),
  message: (facts) => parameterize(facts.value),
  function: (facts) => facts.function,
  module: (facts) => innermostInApp(facts, 'module'),
  path: (facts) => innermostInApp(facts, 'abs_path'),
  level: (facts) => facts.level,
  status_code: (facts) => (facts.statusCode === undefined ? undefined : String(facts.statusCode)),
};

/** A fingerprint part: literal text, `{{ default }}` (kept for Sentry), or a variable filled per event. */
export type Part = (facts: Facts) => string;

/** Compiles one part of a rule's fingerprint; unknown variables are a `FingerprintRuleError`. */
export function compilePart(part: unknown, rule: string, field: string): Part {
  if (typeof part !== 'string' || part.trim() === '')
    throw new FingerprintRuleError(
      rule,
      field,
      'expected a non-empty string',
      "Write a literal such as 'payments' or a variable such as '{{ function }}'.",
    );
  const variable = VARIABLE.exec(part.trim())?.[1];
  if (variable === undefined) return () => part;
  if (variable === 'default') return () => DEFAULT;
  if (variable.startsWith('tags.') && variable.length > 5) {
    const tag = variable.slice(5);
    return (facts) => {
      const value = facts.tags[tag];
      return value === undefined || value === null ? `<no tags.${tag}>` : String(value);
    };
  }
  const read = VARIABLES[variable];
  if (read === undefined)
    throw new FingerprintRuleError(
      rule,
      field,
      `unknown variable {{ ${variable} }}`,
      `Use one of: default, ${Object.keys(VARIABLES).join(', ')}, tags.NAME.`,
    );
  return (facts) => read(facts) ?? `<no ${variable}>`;
}
