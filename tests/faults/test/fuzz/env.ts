// Hostile environments for loadConfig, with planted secrets in the secret variables.
import fc from 'fast-check';
import { adversarialString, fragmentString, PLANTED } from './strings.js';

/** A planted secret as the credential of a URL in a secret variable, or as the whole value. */
function secretSetting(name: string, secret: string, before: string, after: string, form: number): string {
  const encoded = encodeURIComponent(secret);
  switch (name) {
    case 'SENTRY_DSN':
      return [`https://${encoded}@o0.ingest.sentry.io/0`, `${before}https://${encoded}@${after}`, secret][
        form % 3
      ]!;
    case 'SMTP_URL':
      return [
        `smtps://alerts:${encoded}@smtp.example.com:465`,
        `smtp://${encoded}:${encoded}@${after}`,
        secret,
      ][form % 3]!;
    case 'SENTRY_SLACK_WEBHOOK_URL':
      return [
        `https://hooks.slack.com/services/${encoded}`,
        `http://hooks.slack.com/services/${encoded}${after}`,
        secret,
      ][form % 3]!;
    case 'SENTRY_ALERT_REDIS_URL':
      return [`rediss://:${encoded}@redis.internal:6380/0`, `redis://default:${encoded}@${after}`, secret][
        form % 3
      ]!;
    default:
      return [secret, `${before}${secret}`, `${secret}${after}`][form % 3]!;
  }
}

/** A secret planted in a secret variable; `echoed` when the whole setting was also put in another one. */
export interface PlantedSetting {
  name: string;
  value: string;
  echoed: boolean;
}

/** Secrets to plant in configuration values: long enough to search, any kind. */
const CONFIG_SECRETS = PLANTED.filter((secret) => secret.value.length >= 8);

/**
 * An environment for `loadConfig`: every variable possibly set to something hostile (strings only:
 * the documented input is `Record<string, string | undefined>`), unknown FAULTLINE_ names, and
 * planted secrets in the secret variables, some of them repeated inside other variables.
 */
export function hostileEnv(
  names: readonly string[],
  secretNames: readonly string[],
): fc.Arbitrary<{ env: Record<string, string | undefined>; planted: PlantedSetting[] }> {
  const value = fc.option(
    fc.oneof(
      adversarialString,
      fc.constantFrom('true', 'no', '0', '1.5', '60s', '5m', '-1', 'NaN', '1e309', '24d', '25d'),
    ),
    { nil: undefined },
  );
  const settings = fc.dictionary(
    fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom('FAULTLINE_SCRUB_ENABLE', 'FAULTLINE_', 'SENTRY_AUTH_TOKEN'),
      fc.string({ maxLength: 12 }),
    ),
    value,
    { maxKeys: 12 },
  );
  const secrets = fc.array(
    fc.tuple(
      fc.constantFrom(...secretNames),
      fc.constantFrom(...CONFIG_SECRETS),
      fragmentString,
      fragmentString,
      fc.nat(5),
      fc.option(fc.constantFrom(...names), { nil: undefined }),
    ),
    { maxLength: 4 },
  );
  return fc.tuple(settings, secrets).map(([base, plants]) => {
    const env: Record<string, string | undefined> = { ...base };
    const bySetting = new Map(plants.map((plant) => [plant[0], plant])); // one secret per variable
    const planted: PlantedSetting[] = [];
    for (const [name, secret, before, after, form] of bySetting.values()) {
      env[name] = secretSetting(name, secret.value, before, after, form);
      planted.push({ name: `${secret.name} in ${name}`, value: secret.value, echoed: false });
    }
    // "any value containing a secret's value is redacted too": a whole secret setting elsewhere
    for (const [name, , before, , form, echo] of bySetting.values())
      if (echo !== undefined && !secretNames.includes(echo) && form % 2 === 0) {
        env[echo] = `${before}${env[name]}`;
        // every plant of the same value counts as echoed: the echo shows the value, whichever plant it came from
        const value = env[name] ?? '';
        for (const plant of planted)
          if ([plant.value, encodeURIComponent(plant.value)].some((form) => value.includes(form)))
            plant.echoed = true;
      }
    return { env, planted };
  });
}
