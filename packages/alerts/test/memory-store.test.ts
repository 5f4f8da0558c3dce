import { describe, expect, it } from 'vitest';
import { AlertOptionsError, memoryStore } from '../src/index.js';
import { T0 } from './helpers.js';
import { storeContract } from './store-contract.js';

storeContract('memoryStore', () => memoryStore());

const RULE = { windowMs: 12_000, threshold: 10, claimTtlMs: 60_000 };

describe('memoryStore bounds', () => {
  it('forgets the least recently counted group beyond maxGroups', async () => {
    const store = memoryStore({ maxGroups: 3 });
    await store.add(
      ['a', 'b', 'c'].map((key) => ({ key, count: 5 })),
      T0,
      RULE,
    );
    await store.add([{ key: 'a', count: 1 }], T0, RULE); // a is now the most recent
    await store.add([{ key: 'd', count: 2 }], T0, RULE); // evicts b
    const windows = await store.add(
      ['a', 'b', 'c', 'd'].map((key) => ({ key, count: 0 })),
      T0,
      RULE,
    );
    expect(windows.map((w) => w.count)).toEqual([6, 0, 5, 2]);
  });

  it('stays at maxGroups however many groups arrive', async () => {
    const store = memoryStore({ maxGroups: 100 });
    for (let round = 0; round < 20; round++)
      await store.add(
        Array.from({ length: 100 }, (_, index) => ({ key: `g${round}-${index}`, count: 1 })),
        T0,
        RULE,
      );
    const recent = await store.add([{ key: 'g19-99', count: 0 }], T0, RULE);
    const old = await store.add([{ key: 'g0-0', count: 0 }], T0, RULE);
    expect([recent[0]?.count, old[0]?.count]).toEqual([1, 0]);
  });

  it('rejects a bad maxGroups', () => {
    expect(() => memoryStore({ maxGroups: 0 })).toThrow(AlertOptionsError);
    expect(() => memoryStore({ maxGroups: 1.5 })).toThrow(/maxGroups/);
  });
});
