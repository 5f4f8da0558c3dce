import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestTransport, findSecrets } from '../src/index.js';
import { send } from './support/envelopes.js';

// Secrets are letters and digits (at least one letter); the values they are planted in are built
// from characters that are neither, so no variant of a secret can appear in them by chance.
const secretArbitrary = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    minLength: 8,
    maxLength: 24,
  })
  .filter((secret) => /[A-Za-z]/.test(secret));
const fillerText = fc.string({
  unit: fc.constantFrom(...' .,;:!?()[]{}<>\'"/\\@#%&*=+~^|_-äöüßé€中\n\t'),
  maxLength: 12,
});
const { value: fillerValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fillerText,
    fc.integer({ min: -999_999, max: 9_999_999 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fillerText, tie('value'), { maxKeys: 4 }),
  ),
}));

type Segment = { index: number } | { key: string };
const segmentsArbitrary = fc.array(
  fc.oneof(
    fc.nat({ max: 3 }).map((index): Segment => ({ index })),
    fillerText.map((key): Segment => ({ key })),
  ),
  { maxLength: 5 },
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `value` with `leaf` at `segments`, making arrays and objects on the way as needed. */
function plant(value: unknown, segments: Segment[], leaf: string): unknown {
  const [first, ...rest] = segments;
  if (!first) return leaf;
  if ('index' in first) {
    const array = Array.isArray(value) ? [...value] : [];
    while (array.length < first.index) array.push(null);
    array[first.index] = plant(array[first.index], rest, leaf);
    return array;
  }
  const object = isPlainObject(value) ? { ...value } : {};
  Object.defineProperty(object, first.key, {
    value: plant(object[first.key], rest, leaf),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

/** The documented path syntax: `[i]`, `.identifier`, `["any key"]`. */
function pathOf(segments: Segment[]): string {
  return segments
    .map((segment) => {
      if ('index' in segment) return `[${segment.index}]`;
      return /^[A-Za-z_$][\w$]*$/.test(segment.key) ? `.${segment.key}` : `[${JSON.stringify(segment.key)}]`;
    })
    .join('');
}

const plantedCase = fc.record({
  secret: secretArbitrary,
  value: fillerValue,
  segments: segmentsArbitrary,
  prefix: fillerText,
  suffix: fillerText,
});

describe('findSecrets, for any value', () => {
  it('finds a secret planted at any path, with exactly that path', () => {
    fc.assert(
      fc.property(plantedCase, ({ secret, value, segments, prefix, suffix }) => {
        const haystack = plant(value, segments, `${prefix}${secret}${suffix}`);
        expect(findSecrets(haystack, { secret })).toEqual([
          {
            name: 'secret',
            kind: undefined,
            variant: 'as-is',
            path: `$${pathOf(segments)}`,
            masked: secret.length >= 12 ? `${secret.slice(0, 2)}…` : '…',
          },
        ]);
      }),
    );
  });

  it('finds it with that path inside a recorded envelope too', async () => {
    await fc.assert(
      fc.asyncProperty(plantedCase, async ({ secret, value, segments, prefix, suffix }) => {
        const payload = { extra: plant(value, segments, `${prefix}${secret}${suffix}`) };
        const kit = await send(createTestTransport(), [[{ type: 'event' }, payload]]);
        expect(findSecrets(kit, [secret]).map((finding) => finding.path)).toEqual([
          `envelopes[0].items[0](event).extra${pathOf(segments)}`,
        ]);
      }),
    );
  });

  it('never finds it in a value built without it', () => {
    fc.assert(
      fc.property(secretArbitrary, fillerValue, (secret, value) => {
        expect(findSecrets(value, { secret })).toEqual([]);
      }),
    );
  });
});
