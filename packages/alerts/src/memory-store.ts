import { Claims } from './claims.js';
import { AlertOptionsError, describe } from './errors.js';
import {
  type AlertStore,
  BUCKETS,
  type BurstWindowRule,
  ERROR_RATE_KEY,
  type GroupCount,
  type GroupWindow,
  type RateWindow,
  type RateWindowRule,
} from './store.js';
import { WindowTable } from './window-table.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Groups kept (least recently counted ones are forgotten first). Default `100_000`. */
  maxGroups?: number;
}

/** The absolute bucket index of `now` for a window of `windowMs`. */
export const bucketOf = (now: number, windowMs: number): number => Math.floor(now / (windowMs / BUCKETS));

/**
 * Keeps windows and claims in this process: the default store of `createAlertEngine`. Bounded:
 * an LRU over groups (12 counters each in one typed-array slab), about 0.2 KB per group. One
 * process only; use `redisStore` for a fleet.
 */
export function memoryStore(options: MemoryStoreOptions = {}): AlertStore {
  const { maxGroups = 100_000 } = options;
  if (!Number.isInteger(maxGroups) || maxGroups < 1)
    throw new AlertOptionsError(
      'maxGroups',
      `expected a positive integer, got ${describe(maxGroups)}`,
      'Use e.g. 100000.',
    );
  const groups = new WindowTable(maxGroups);
  const rate = new WindowTable(2);
  const claims = new Claims(maxGroups);

  function add(entries: readonly GroupCount[], now: number, rule: BurstWindowRule): GroupWindow[] {
    const bucket = bucketOf(now, rule.windowMs);
    const bucketMs = rule.windowMs / BUCKETS;
    return entries.map(({ key, count }) => {
      const sum = groups.add(key, count, bucket);
      const since = sum > 0 ? groups.oldest * bucketMs : now;
      const claimed =
        count > 0 && sum > rule.threshold && claims.take(`alerted:${key}`, now, rule.claimTtlMs);
      return { key, count: sum, since, claimed };
    });
  }

  function addRate(requests: number, errors: number, now: number, rule: RateWindowRule): RateWindow {
    const bucket = bucketOf(now, rule.windowMs);
    const inWindow = {
      requests: rate.add('requests', requests, bucket),
      errors: rate.add('errors', errors, bucket),
    };
    const crossed =
      requests + errors > 0 &&
      inWindow.requests >= rule.minRequests &&
      inWindow.errors > rule.threshold * inWindow.requests;
    const claimed = crossed && claims.take(`alerted:${ERROR_RATE_KEY}`, now, rule.claimTtlMs);
    return { ...inWindow, claimed };
  }

  return {
    name: 'memory',
    add: async (entries, now, rule) => add(entries, now, rule),
    addRate: async (requests, errors, now, rule) => addRate(requests, errors, now, rule),
    close: async () => {},
  };
}
