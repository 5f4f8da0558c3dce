import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';
import { innocentText, key, leaks, planted, secret, tree, words } from './arbitraries.js';

const scrubber = createScrubber();
const NUM_RUNS = 400;

describe('property: a planted secret never survives', () => {
  it('scrubValue', () => {
    fc.assert(
      fc.property(planted, ({ secret, root }) => {
        expect(leaks(scrubber.scrubValue(structuredClone(root)), secret)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('scrubEvent', () => {
    fc.assert(
      fc.property(planted, ({ secret, root }) => {
        const event = { event_id: 'fa67c51c2fbe4dc5b3588ee58184238d', level: 'error' as const, extra: root };
        expect(leaks(scrubber.scrubEvent(structuredClone(event)), secret)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('scrubString, with several secrets in one text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words(4, 1), secret), { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.map(([w, s]) => `${w} ${s.text}`).join(' ');
        const output = scrubber.scrubString(text);
        for (const [, s] of parts) expect(leaks(output, s)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: text without a secret is byte-identical', () => {
  it('scrubString', () => {
    fc.assert(
      fc.property(innocentText, (text) => {
        expect(scrubber.scrubString(text)).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('scrubValue on a whole tree of it', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (root) => {
        expect(scrubber.scrubValue(structuredClone(root))).toEqual(root);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: scrubbing is idempotent', () => {
  it('scrubValue', () => {
    fc.assert(
      fc.property(planted, ({ root }) => {
        const once = scrubber.scrubValue(structuredClone(root));
        expect(scrubber.scrubValue(structuredClone(once))).toEqual(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('scrubString', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            innocentText,
            secret.map((s) => s.text),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const once = scrubber.scrubString(parts.join(' '));
          expect(scrubber.scrubString(once)).toBe(once);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
