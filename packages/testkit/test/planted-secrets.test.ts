import { describe, expect, it } from 'vitest';
import { findSecrets, plantedSecrets, plantedSecretValues } from '../src/index.js';

const planted = plantedSecrets();

/** Every secret twice: in its text (a message, an exception) and, when it has one, under its key. */
function rawEvent() {
  return {
    message: planted.map((secret) => secret.text).join(' | '),
    exception: { values: planted.map((secret) => ({ type: 'Error', value: secret.text })) },
    extra: Object.fromEntries(
      planted.map((secret) => [secret.name, secret.key ? { [secret.key]: secret.value } : {}]),
    ),
  };
}

describe('plantedSecrets', () => {
  it('has unique names and values, each value inside its text, and only keyed values under 6 characters', () => {
    expect(new Set(planted.map((secret) => secret.name)).size).toBe(planted.length);
    expect(new Set(planted.map((secret) => secret.value)).size).toBe(planted.length);
    for (const secret of planted) {
      expect(secret.text, secret.name).toContain(secret.value);
      if (secret.value.length < 6) expect(secret.key, secret.name).toBeDefined();
    }
  });

  it('is stable, and every call hands out fresh copies', () => {
    const first = plantedSecrets();
    first[0]!.value = 'changed by a test';
    expect(plantedSecrets()).toEqual(planted);
    expect(plantedSecretValues(planted)).toEqual(
      Object.fromEntries(planted.map(({ name, value }) => [name, value])),
    );
    expect(plantedSecretValues().cardVisa).toBe('4539 1488 0343 6467');
  });

  it('is found by findSecrets in an unscrubbed event, in both forms, at the exact paths', () => {
    const found = findSecrets(rawEvent(), planted);
    for (const secret of planted) {
      const paths = found.filter((finding) => finding.name === secret.name).map((finding) => finding.path);
      expect(paths, secret.name).toContain(`$.exception.values[${planted.indexOf(secret)}].value`);
      expect(paths, secret.name).toContain('$.message');
      if (secret.key) expect(paths, secret.name).toContain(`$.extra.${secret.name}.${secret.key}`);
    }
  });
});
