import { describe, expect, it } from 'vitest';
import type { AlertStore, BurstWindowRule, RateWindowRule } from '../src/index.js';
import { T0 } from './helpers.js';

/** 12 s windows: one bucket per second. */
const RULE: BurstWindowRule = { windowMs: 12_000, threshold: 10, claimTtlMs: 60_000 };
const RATE: RateWindowRule = { windowMs: 12_000, threshold: 0.01, minRequests: 100, claimTtlMs: 60_000 };

/** What every {@link AlertStore} must do. `makeStore` returns a store with nothing in it. */
export function storeContract(name: string, makeStore: () => AlertStore | Promise<AlertStore>): void {
  describe(`${name}: the AlertStore contract`, () => {
    it('counts each group within the window, in the order given', async () => {
      const store = await makeStore();
      const first = await store.add(
        [
          { key: 'a', count: 3 },
          { key: 'b', count: 1 },
        ],
        T0,
        RULE,
      );
      expect(first.map((w) => [w.key, w.count])).toEqual([
        ['a', 3],
        ['b', 1],
      ]);
      const second = await store.add([{ key: 'a', count: 2 }], T0 + 5_000, RULE);
      expect(second).toEqual([{ key: 'a', count: 5, since: T0, claimed: false }]);
    });

    it('slides old buckets out of the window', async () => {
      const store = await makeStore();
      await store.add([{ key: 'a', count: 4 }], T0, RULE);
      await store.add([{ key: 'a', count: 1 }], T0 + 6_000, RULE);
      expect((await store.add([{ key: 'a', count: 0 }], T0 + 11_999, RULE))[0]?.count).toBe(5);
      const slid = await store.add([{ key: 'a', count: 0 }], T0 + 12_000, RULE);
      expect(slid[0]).toMatchObject({ count: 1, since: T0 + 6_000 });
      const empty = await store.add([{ key: 'a', count: 0 }], T0 + 18_000, RULE);
      expect(empty[0]).toEqual({ key: 'a', count: 0, since: T0 + 18_000, claimed: false });
    });

    it('claims a crossing of more than `threshold` events, once, for the claim TTL', async () => {
      const store = await makeStore();
      expect((await store.add([{ key: 'a', count: 10 }], T0, RULE))[0]?.claimed).toBe(false);
      expect((await store.add([{ key: 'a', count: 1 }], T0, RULE))[0]).toMatchObject({
        count: 11,
        claimed: true,
      });
      expect((await store.add([{ key: 'a', count: 5 }], T0 + 1_000, RULE))[0]?.claimed).toBe(false);
      expect((await store.add([{ key: 'a', count: 0 }], T0 + 61_000, RULE))[0]?.claimed).toBe(false);
      expect((await store.add([{ key: 'a', count: 11 }], T0 + 59_000, RULE))[0]?.claimed).toBe(false);
      // the claim has expired: a new crossing is claimed again
      expect((await store.add([{ key: 'a', count: 11 }], T0 + 60_000, RULE))[0]?.claimed).toBe(true);
    });

    it('never claims for a count-only probe, even above the threshold', async () => {
      const store = await makeStore();
      await store.add([{ key: 'a', count: 10 }], T0, RULE);
      expect((await store.add([{ key: 'a', count: 0 }], T0, RULE))[0]).toMatchObject({
        count: 10,
        claimed: false,
      });
    });

    it('gives a crossing to exactly one of many concurrent callers', async () => {
      const store = await makeStore();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.add([{ key: 'a', count: 3 }], T0, RULE)),
      );
      expect(results.map((windows) => windows[0]!.count).sort((x, y) => x - y)).toEqual([
        3, 6, 9, 12, 15, 18, 21, 24,
      ]);
      expect(results.filter((windows) => windows[0]!.claimed)).toHaveLength(1);
    });

    it('keeps the claims of different groups apart', async () => {
      const store = await makeStore();
      const windows = await store.add(
        [
          { key: 'a', count: 11 },
          { key: 'b', count: 11 },
          { key: 'c', count: 2 },
        ],
        T0,
        RULE,
      );
      expect(windows.map((w) => w.claimed)).toEqual([true, true, false]);
    });

    it('applies a tick of thousands of groups', async () => {
      const store = await makeStore();
      const entries = Array.from({ length: 2_500 }, (_, index) => ({
        key: `group-${index}`,
        count: 1 + (index % 20),
      }));
      const windows = await store.add(entries, T0, RULE);
      expect(windows).toHaveLength(2_500);
      expect(
        windows.every((w, index) => w.key === `group-${index}` && w.count === entries[index]!.count),
      ).toBe(true);
      expect(windows.filter((w) => w.claimed)).toHaveLength(entries.filter((e) => e.count > 10).length);
    });

    it('keeps the error rate: no claim under minRequests, one claim above the threshold', async () => {
      const store = await makeStore();
      expect(await store.addRate(2, 1, T0, RATE)).toEqual({ requests: 2, errors: 1, claimed: false });
      expect(await store.addRate(98, 0, T0, RATE)).toEqual({ requests: 100, errors: 1, claimed: false });
      expect(await store.addRate(100, 4, T0 + 1_000, RATE)).toEqual({
        requests: 200,
        errors: 5,
        claimed: true,
      });
      expect(await store.addRate(0, 3, T0 + 2_000, RATE)).toEqual({
        requests: 200,
        errors: 8,
        claimed: false,
      });
      expect(await store.addRate(1, 0, T0 + 14_000, RATE)).toEqual({
        requests: 1,
        errors: 0,
        claimed: false,
      });
    });

    it('does not claim an error rate at or below the threshold', async () => {
      const store = await makeStore();
      expect(await store.addRate(200, 2, T0, RATE)).toMatchObject({ errors: 2, claimed: false });
      expect(await store.addRate(0, 1, T0, RATE)).toMatchObject({ errors: 3, claimed: true });
    });
  });
}
