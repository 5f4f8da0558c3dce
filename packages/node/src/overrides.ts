import {
  ConfigError,
  type ConfigIssue,
  configToEnv,
  type Env,
  type FaultlineConfig,
  VARIABLES,
} from '@faultline/config';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends Record<string, unknown> | undefined
      ? DeepPartial<T[K]>
      : T[K];
};

/**
 * Settings given in code, each overriding one environment variable: any field of
 * `FaultlineConfig` except the derived `sentry.enabled` and `alerts.enabled`. `undefined` unsets
 * the variable. Values are validated with the environment, by the same rules.
 */
export type ConfigOverrides = DeepPartial<Omit<FaultlineConfig, 'sentry' | 'alerts'>> & {
  sentry?: DeepPartial<Omit<FaultlineConfig['sentry'], 'enabled'>>;
  alerts?: DeepPartial<Omit<FaultlineConfig['alerts'], 'enabled'>>;
};

const NAME_BY_PATH = new Map<string, string>(VARIABLES.map(({ path, name }) => [path, name]));

function isBranch(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of `overrides` as [dotted path, value]; a variable's value (a list, a map) is a leaf. */
function leaves(node: Record<string, unknown>, prefix: string): Array<[string, unknown]> {
  return Object.entries(node).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (NAME_BY_PATH.has(path) || !isBranch(value)) return [[path, value]];
    return leaves(value, path);
  });
}

/** Describes a config issue raised by an override by its option path, not its variable. */
export function describeOverrideIssues(
  error: ConfigError,
  overridden: ReadonlyMap<string, string>,
): ConfigError {
  const issues = error.issues.map((issue): ConfigIssue => {
    const path = overridden.get(issue.key);
    return path ? { key: `init({ ${path} }) (${issue.key})`, message: issue.message } : issue;
  });
  return new ConfigError(issues);
}

/**
 * The environment with each override written over its variable, and which variables came from
 * overrides (name → option path). Throws `ConfigError` for option paths that name no setting.
 */
export function applyOverrides(
  env: Env,
  overrides: ConfigOverrides,
): { env: Env; overridden: Map<string, string> } {
  const merged: Record<string, string | undefined> = { ...env };
  const overridden = new Map<string, string>();
  const unknown: ConfigIssue[] = [];
  // the text of each override as the variable would hold it (an empty one counts as unset)
  const written = configToEnv(overrides as unknown as FaultlineConfig);
  for (const [path, value] of leaves(overrides as Record<string, unknown>, '')) {
    const name = NAME_BY_PATH.get(path);
    if (name === undefined) {
      unknown.push({
        key: `init({ ${path} })`,
        message: `is not a Faultline setting. Settings: ${[...NAME_BY_PATH.keys()].join(', ')}.`,
      });
      continue;
    }
    merged[name] = value === undefined ? undefined : written[name];
    overridden.set(name, path);
  }
  if (unknown.length > 0) throw new ConfigError(unknown);
  return { env: merged, overridden };
}
