import { ConfigError } from './errors.js';
import { getPath, setPath } from './paths.js';
import { secretValues, showValue } from './redact.js';
import { checkRules, type Resolved } from './rules.js';
import { VARIABLES } from './schema.js';
import type { ConfigIssue, Env, FaultlineConfig, VariableDefinition } from './types.js';
import { unknownVariables } from './unknown-variables.js';

type Name = (typeof VARIABLES)[number]['name'];

/** The text to parse for `definition`: its own trimmed value, else its default, else undefined. */
function textOf(
  definition: VariableDefinition,
  env: Env,
): { text: string; from?: string | undefined; own: boolean } | undefined {
  const own = env[definition.name];
  if (typeof own === 'string' && own.trim() !== '') return { text: own.trim(), own: true };
  if (definition.default === undefined) return undefined;
  if (typeof definition.default === 'string') return { text: definition.default, own: false };
  const { value, from } = definition.default.resolve(env);
  return { text: value.trim(), from, own: false };
}

function resolve(
  definition: VariableDefinition,
  env: Env,
  secrets: readonly string[],
): { resolved: Resolved; issue?: ConfigIssue } {
  const own: unknown = env[definition.name];
  if (own !== undefined && typeof own !== 'string') {
    const message = `must be a string, got a ${typeof own}. Example: ${definition.example}`;
    return { resolved: { state: 'invalid', value: undefined }, issue: { key: definition.name, message } };
  }
  const found = textOf(definition, env);
  if (found === undefined) return { resolved: { state: 'unset', value: undefined } };
  const state = found.own ? 'set' : 'default';
  const result = definition.schema.safeParse(found.text);
  if (result.success) return { resolved: { state, value: result.data, from: found.from } };
  const problem = result.error.issues[0]?.message ?? 'is not valid';
  const origin = found.from === undefined ? '' : ` (from ${found.from})`;
  const shown = showValue(found.text, definition, secrets);
  return {
    resolved: { state: 'invalid', value: undefined },
    issue: {
      key: definition.name,
      message: `${problem}, got ${shown}${origin}. Example: ${definition.example}`,
    },
  };
}

function assemble(values: ReadonlyMap<Name, Resolved>): FaultlineConfig {
  const config = { sentry: { enabled: false }, alerts: { enabled: false }, scrub: {}, fingerprint: {} };
  for (const definition of VARIABLES) setPath(config, definition.path, values.get(definition.name)?.value);
  config.sentry.enabled = getPath(config, 'sentry.dsn') !== undefined;
  config.alerts.enabled =
    getPath(config, 'alerts.email.enabled') === true || getPath(config, 'alerts.slack.enabled') === true;
  return config as unknown as FaultlineConfig;
}

const ORDER = new Map<string, number>(VARIABLES.map((definition, index) => [definition.name, index]));

/**
 * Reads and validates every Faultline setting from `env` (default `process.env`), once, and
 * returns them typed. Empty values count as unset, and an empty environment is valid: Sentry is
 * disabled (no DSN) and alerts are off.
 *
 * @throws {ConfigError} listing every problem at once, each naming the variable, what is wrong
 * and a good example value; secret values are shown redacted.
 */
export function loadConfig(env: Env = process.env): FaultlineConfig {
  const secrets = secretValues(env);
  const values = new Map<Name, Resolved>();
  const issues: ConfigIssue[] = [];
  for (const definition of VARIABLES) {
    const { resolved, issue } = resolve(definition, env, secrets);
    values.set(definition.name, resolved);
    if (issue !== undefined) issues.push(issue);
  }
  issues.push(...checkRules(values));
  issues.sort((a, b) => (ORDER.get(a.key) ?? ORDER.size) - (ORDER.get(b.key) ?? ORDER.size));
  issues.push(...unknownVariables(env));
  if (issues.length > 0) throw new ConfigError(issues);
  return assemble(values);
}

function format(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null)
    return Object.entries(value)
      .map(([key, item]) => `${key}=${String(item)}`)
      .join(',');
  return String(value);
}

/**
 * The environment variables that `loadConfig` turns into `config`: every setting that has a
 * value, secrets included (pass it to a child process, never to a log). Derived fields
 * (`sentry.enabled`, `alerts.enabled`) follow from the others.
 */
export function configToEnv(config: FaultlineConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const definition of VARIABLES) {
    const text = format(getPath(config, definition.path));
    if (text !== undefined && text !== '') env[definition.name] = text;
  }
  return env;
}
