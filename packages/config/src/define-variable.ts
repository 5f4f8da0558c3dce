import type { DerivedDefault, Env, ValueSchema, VariableDefinition } from './types.js';

/** Declares one row of `VARIABLES`, keeping its name, path and schema types for `FaultlineConfig`. */
export function variable<
  const Name extends string,
  const Path extends string,
  Schema extends ValueSchema,
  Default extends string | DerivedDefault | undefined = undefined,
>(
  definition: VariableDefinition<Name, Path, Schema, Default>,
): VariableDefinition<Name, Path, Schema, Default> {
  return definition;
}

/** True when `name` holds something other than whitespace. */
function isSet(env: Env, name: string): boolean {
  const value: unknown = env[name];
  return typeof value === 'string' && value.trim() !== '';
}

/** `true` when another variable is set: a channel turns on when it is configured. */
export function onWhenSet(name: string): DerivedDefault {
  return {
    describe: `\`true\` when \`${name}\` is set`,
    resolve: (env) => (isSet(env, name) ? { value: 'true', from: name } : { value: 'false' }),
  };
}

/** `NODE_ENV` when set, else `production`. */
export const nodeEnvOrProduction: DerivedDefault = {
  describe: '`NODE_ENV`, else `production`',
  resolve: (env) =>
    isSet(env, 'NODE_ENV') ? { value: env.NODE_ENV!, from: 'NODE_ENV' } : { value: 'production' },
};
