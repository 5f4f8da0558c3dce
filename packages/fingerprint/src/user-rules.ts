import { FingerprintRuleError } from './errors.js';
import type { Facts } from './facts.js';
import { compileGlob, type Glob, GlobSyntaxError } from './glob.js';
import { type CompiledRule, noMatch, type Verdict } from './rule.js';
import { compilePart } from './template.js';
import type { FingerprintRule, RuleMatchers } from './types.js';

type Test = { field: string; describe: string; test: (facts: Facts) => boolean };

const STRING_MATCHERS = ['type', 'value', 'module', 'function', 'path', 'level'] as const;
const KNOWN = new Set<string>([...STRING_MATCHERS, 'tags', 'statusCode']);

function glob(pattern: unknown, rule: string, field: string, caseSensitive: boolean): Glob {
  if (typeof pattern !== 'string' || pattern === '')
    throw new FingerprintRuleError(
      rule,
      field,
      'expected a non-empty glob string',
      "Write e.g. '*Error' or 'pg.*'.",
    );
  try {
    return compileGlob(pattern, caseSensitive);
  } catch (error) {
    if (!(error instanceof GlobSyntaxError)) throw error;
    throw new FingerprintRuleError(
      rule,
      field,
      `${error.message} (at character ${error.position + 1})`,
      'Fix the glob.',
    );
  }
}

const anyFrame = (
  facts: Facts,
  read: (frame: Facts['frames'][number]) => string | undefined,
  pattern: Glob,
) =>
  facts.frames.some((frame) => {
    const value = read(frame);
    return value !== undefined && pattern.matches(value);
  });

function stringTest(name: (typeof STRING_MATCHERS)[number], pattern: Glob): Test['test'] {
  switch (name) {
    case 'type':
      return (facts) => facts.type !== undefined && pattern.matches(facts.type);
    case 'value':
      return (facts) => pattern.matches(facts.value);
    case 'module':
      return (facts) => anyFrame(facts, (frame) => frame.module, pattern);
    case 'function':
      return (facts) => anyFrame(facts, (frame) => frame.function, pattern);
    case 'path':
      return (facts) =>
        anyFrame(facts, (frame) => frame.abs_path, pattern) ||
        anyFrame(facts, (frame) => frame.filename, pattern);
    case 'level':
      return (facts) => facts.level !== undefined && pattern.matches(facts.level);
  }
}

function compileMatchers(match: unknown, rule: string): Test[] {
  if (typeof match !== 'object' || match === null || Array.isArray(match))
    throw new FingerprintRuleError(
      rule,
      'match',
      'expected an object of matchers',
      "Write e.g. { type: 'QueryFailedError' }.",
    );
  const matchers = match as RuleMatchers;
  const tests: Test[] = [];
  for (const key of Object.keys(matchers)) {
    if (!KNOWN.has(key))
      throw new FingerprintRuleError(
        rule,
        `match.${key}`,
        'unknown matcher',
        `Known matchers: ${[...KNOWN].join(', ')}.`,
      );
  }
  for (const name of STRING_MATCHERS) {
    const pattern = matchers[name];
    if (pattern === undefined) continue;
    const compiled = glob(pattern, rule, `match.${name}`, name === 'type');
    tests.push({ field: name, describe: `${name} matches "${pattern}"`, test: stringTest(name, compiled) });
  }
  if (matchers.tags !== undefined) {
    if (typeof matchers.tags !== 'object' || matchers.tags === null)
      throw new FingerprintRuleError(
        rule,
        'match.tags',
        'expected an object of tag globs',
        "Write e.g. { region: 'eu-*' }.",
      );
    for (const [tag, pattern] of Object.entries(matchers.tags)) {
      const compiled = glob(pattern, rule, `match.tags.${tag}`, false);
      const test = (facts: Facts) => {
        const value = facts.tags[tag];
        return value !== undefined && value !== null && compiled.matches(String(value));
      };
      tests.push({ field: `tags.${tag}`, describe: `tag ${tag} matches "${pattern}"`, test });
    }
  }
  const status = matchers.statusCode;
  if (status !== undefined) {
    if (typeof status !== 'number' && typeof status !== 'string')
      throw new FingerprintRuleError(
        rule,
        'match.statusCode',
        'expected a number or a glob',
        "Write e.g. 429 or '5??'.",
      );
    const compiled = glob(String(status), rule, 'match.statusCode', false);
    const test = (facts: Facts) =>
      facts.statusCode !== undefined && compiled.matches(String(facts.statusCode));
    tests.push({ field: 'statusCode', describe: `status code matches ${String(status)}`, test });
  }
  if (tests.length === 0)
    throw new FingerprintRuleError(
      rule,
      'match',
      'no matcher given, so it would match every event',
      'Add at least one matcher.',
    );
  return tests;
}

/** Compiles a user rule; a bad one throws `FingerprintRuleError` naming the rule and the field. */
export function compileUserRule(rule: FingerprintRule, index: number): CompiledRule {
  if (typeof rule !== 'object' || rule === null)
    throw new FingerprintRuleError(
      `rules[${index}]`,
      '(rule)',
      'expected an object',
      'Write { match: {…}, fingerprint: […] }.',
    );
  const name = typeof rule.name === 'string' && rule.name !== '' ? rule.name : `rules[${index}]`;
  const tests = compileMatchers(rule.match, name);
  if (!Array.isArray(rule.fingerprint) || rule.fingerprint.length === 0)
    throw new FingerprintRuleError(
      name,
      'fingerprint',
      'expected a non-empty array of parts',
      "Write e.g. ['payments', '{{ function }}'].",
    );
  const parts = rule.fingerprint.map((part, at) => compilePart(part, name, `fingerprint[${at}]`));
  return {
    name,
    evaluate(facts): Verdict {
      for (const { describe, test } of tests) if (!test(facts)) return noMatch(`${describe}: no`);
      return {
        matched: true,
        fingerprint: parts.map((part) => part(facts)),
        reason: tests.map(({ describe }) => describe).join(', '),
      };
    },
  };
}
