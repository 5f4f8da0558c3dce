import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { ConfigError, configToEnv, type Env, loadConfig, redactConfig, VARIABLES } from '../src/index.js';
import { anyEnv, VALID_VALUES, validEnv } from './arbitraries.js';

const NUM_RUNS = 500;

describe('property', () => {
  it('loadConfig throws nothing but ConfigError, whatever the environment', () => {
    fc.assert(
      fc.property(anyEnv, (env) => {
        try {
          loadConfig(env);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const { issues, message } = error as ConfigError;
          expect(issues.length).toBeGreaterThan(0);
          expect(message.split('\n')).toHaveLength(issues.length + 1);
        }
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('every valid value of every variable loads', () => {
    for (const definition of VARIABLES)
      fc.assert(
        fc.property(VALID_VALUES[definition.name], (text) => {
          expect(definition.schema.safeParse(text).success).toBe(true);
        }),
        { numRuns: 50 },
      );
  });

  it('a valid config round-trips through configToEnv', () => {
    fc.assert(
      fc.property(validEnv, (env) => {
        const config = loadConfig(env);
        expect(loadConfig(configToEnv(config))).toEqual(config);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('no secret part of a secret variable is ever shown, valid or not', () => {
    const token = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'),
      minLength: 12,
      maxLength: 24,
    });
    const planted = fc.record({
      token,
      shape: fc.constantFrom('dsn', 'webhook', 'smtp', 'redis', 'bare'),
      name: fc.constantFrom(
        ...VARIABLES.filter((definition) => definition.secret).map((definition) => definition.name),
      ),
    });
    const text = ({ token: secret, shape }: { token: string; shape: string }) =>
      ({
        dsn: `https://${secret}@o0.ingest.sentry.io/1`,
        webhook: `https://hooks.slack.com/services/T0/B0/${secret}`,
        smtp: `smtps://user:${secret}@smtp.example.com:465`,
        redis: `redis://:${secret}@localhost:6379/0`,
        bare: secret,
      })[shape]!;
    fc.assert(
      fc.property(anyEnv, planted, (env, plant) => {
        const withSecret: Env = { ...env, [plant.name]: text(plant) };
        const shown: string[] = [];
        try {
          shown.push(JSON.stringify(redactConfig(loadConfig(withSecret))));
        } catch (error) {
          shown.push((error as ConfigError).message);
        }
        const cli = runCli(['check'], withSecret);
        shown.push(cli.stdout, cli.stderr);
        for (const output of shown) expect(output).not.toContain(plant.token);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
