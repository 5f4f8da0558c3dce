import { BUCKETS } from './store.js';

const MAX_COUNT = 0xffff_ffff;

/**
 * Sliding-window counts of many keys in one slab: key `k` owns slot `s`, a ring of {@link BUCKETS}
 * counts in `counts[s * BUCKETS …]` and the absolute index of its newest bucket in `heads[s]`.
 * Keys are kept in least-recently-used order (a Map re-inserted on every touch); beyond `maxKeys`
 * the least recently used key gives its slot to the new one.
 */
export class WindowTable {
  private readonly slots = new Map<string, number>();
  private counts: Uint32Array;
  private heads: Float64Array;
  /** Start bucket of the oldest non-empty bucket found by the last `add`. */
  oldest = 0;

  constructor(readonly maxKeys: number) {
    const capacity = Math.min(maxKeys, 1024);
    this.counts = new Uint32Array(capacity * BUCKETS);
    this.heads = new Float64Array(capacity);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Adds `count` at absolute bucket `bucket`; returns the sum of the window ending at `bucket`. */
  add(key: string, count: number, bucket: number): number {
    let slot = this.slots.get(key);
    if (slot === undefined && count <= 0) {
      this.oldest = bucket;
      return 0; // a probe of an unknown key takes no slot
    }
    if (slot === undefined) {
      slot = this.allocate();
      this.heads[slot] = bucket;
    } else this.slots.delete(key);
    this.slots.set(key, slot);
    const base = slot * BUCKETS;
    const head = this.heads[slot]!;
    if (bucket > head) {
      const steps = Math.min(bucket - head, BUCKETS);
      for (let step = 1; step <= steps; step++) this.counts[base + ((head + step) % BUCKETS)] = 0;
      this.heads[slot] = bucket;
    }
    if (count > 0 && bucket > this.heads[slot]! - BUCKETS) {
      const index = base + (bucket % BUCKETS);
      this.counts[index] = Math.min(this.counts[index]! + count, MAX_COUNT);
    }
    return this.sum(slot, bucket);
  }

  /** Calls `visit` for every non-empty bucket of every key still in the window ending at `bucket`. */
  forEachBucket(bucket: number, visit: (key: string, bucket: number, count: number) => void): void {
    for (const [key, slot] of this.slots) {
      const head = this.heads[slot]!;
      for (let back = BUCKETS - 1; back >= 0; back--) {
        const at = head - back;
        if (at <= bucket - BUCKETS) continue;
        const count = this.counts[slot * BUCKETS + (at % BUCKETS)]!;
        if (count > 0) visit(key, at, count);
      }
    }
  }

  private sum(slot: number, bucket: number): number {
    const head = this.heads[slot]!;
    const base = slot * BUCKETS;
    let sum = 0;
    this.oldest = bucket;
    for (let back = BUCKETS - 1; back >= 0; back--) {
      const at = head - back;
      if (at <= bucket - BUCKETS) continue;
      const count = this.counts[base + (at % BUCKETS)]!;
      if (count > 0 && sum === 0) this.oldest = at;
      sum += count;
    }
    return sum;
  }

  private allocate(): number {
    if (this.slots.size >= this.maxKeys) {
      const [evicted, slot] = this.slots.entries().next().value as [string, number];
      this.slots.delete(evicted);
      this.counts.fill(0, slot * BUCKETS, (slot + 1) * BUCKETS);
      return slot;
    }
    const slot = this.slots.size;
    if (slot >= this.heads.length) this.grow();
    return slot;
  }

  private grow(): void {
    const capacity = Math.min(this.heads.length * 2, this.maxKeys);
    const counts = new Uint32Array(capacity * BUCKETS);
    counts.set(this.counts);
    const heads = new Float64Array(capacity);
    heads.set(this.heads);
    this.counts = counts;
    this.heads = heads;
  }
}
