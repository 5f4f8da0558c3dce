import type { SecretDefinition, Secrets } from './secret-types.js';

/** Shorter secrets would match in ordinary text everywhere. */
export const MIN_SECRET_LENGTH = 6;

/** A secret ready to search for. */
export interface Needle {
  name: string;
  kind: string | undefined;
  value: string;
  /** Set for a short value: it is then searched only under this key. */
  keyedOnly: string | undefined;
  caseInsensitive: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

function isCaseInsensitive(value: string, kind: string | undefined): boolean {
  if (kind === 'email' || kind === 'ipv6') return true;
  return EMAIL.test(value) || (IPV6.test(value) && value.split(':').length > 2);
}

function definitionsOf(secrets: Secrets, caller: string): SecretDefinition[] {
  if (Array.isArray(secrets)) {
    return secrets.map((secret: unknown, index) => {
      if (typeof secret === 'string') return { name: `secrets[${index}]`, value: secret };
      const definition = secret as Partial<SecretDefinition> | null;
      if (typeof definition?.name === 'string' && typeof definition.value === 'string')
        return definition as SecretDefinition;
      throw new TypeError(
        `${caller}: secrets[${index}] must be a string or { name, value } with string fields`,
      );
    });
  }
  if (typeof secrets === 'object' && secrets !== null) {
    return Object.entries(secrets).map(([name, value]) => {
      if (typeof value !== 'string') throw new TypeError(`${caller}: secret "${name}" must be a string`);
      return { name, value };
    });
  }
  throw new TypeError(`${caller}: secrets must be { name: value }, a list of values, or plantedSecrets()`);
}

/** Validates the secrets and prepares them; throws a TypeError naming a secret that is too short. */
export function needlesOf(secrets: Secrets, caller: string): Needle[] {
  return definitionsOf(secrets, caller).map(({ name, value, kind, key }) => {
    const keyed = typeof key === 'string' && key !== '' ? key : undefined;
    if (value.length < MIN_SECRET_LENGTH && !keyed)
      throw new TypeError(
        `${caller}: secret "${name}" is ${value.length} characters long; secrets shorter than ` +
          `${MIN_SECRET_LENGTH} would match everywhere. Use a longer value, or give it a key ` +
          '({ name, value, key }) to search it only under that key.',
      );
    return {
      name,
      kind,
      value,
      keyedOnly: value.length < MIN_SECRET_LENGTH ? keyed : undefined,
      caseInsensitive: isCaseInsensitive(value, kind),
    };
  });
}
