// testkit's planted secrets are what users prove their setup with: each must be caught here.
import { findSecrets, plantedSecrets } from '@faultline/testkit';
import { describe, expect, it } from 'vitest';
import { createScrubber, DETECTOR_NAMES } from '../src/index.js';

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

describe("@faultline/testkit's plantedSecrets", () => {
  it('covers every detector of @faultline/scrub (key-value through the key-based ones)', () => {
    const kinds = new Set(planted.map((secret) => secret.kind));
    for (const detector of DETECTOR_NAMES)
      expect(kinds.has(detector === 'key-value' ? 'key' : detector), detector).toBe(true);
    for (const kind of kinds) expect([...DETECTOR_NAMES, 'key']).toContain(kind);
  });

  it.each(planted.map((secret) => [secret.name, secret] as const))(
    '%s: its text is filtered by its own detector, and its value under its key',
    (_name, secret) => {
      const rules: string[] = [];
      const scrubber = createScrubber({ onFinding: ({ rule }) => rules.push(rule) });
      const scrubbed = scrubber.scrubString(secret.text);
      expect(scrubbed).toContain('[Filtered]');
      expect(findSecrets(scrubbed, [secret])).toEqual([]);
      expect(rules).toEqual([secret.kind === 'key' ? 'key-value' : secret.kind]);
      if (secret.key)
        expect(findSecrets(scrubber.scrubValue({ [secret.key]: secret.value }), [secret])).toEqual([]);
    },
  );

  it('leaves nothing for findSecrets in a scrubbed event', () => {
    expect(findSecrets(createScrubber().scrubEvent(rawEvent()), planted)).toEqual([]);
    expect(findSecrets(rawEvent(), planted).length).toBeGreaterThan(planted.length);
  });
});
