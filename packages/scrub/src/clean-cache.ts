/**
 * A bounded set of strings already found clean, kept in two generations: when the young one is
 * full it becomes the old one and the previous old one is dropped. Lookups and inserts are O(1)
 * with no per-entry bookkeeping; a string still in use is promoted back into the young generation.
 */
export class CleanCache {
  private young = new Set<string>();
  private old = new Set<string>();

  /** @param capacity Entries kept in all, at most; 0 keeps nothing. */
  constructor(private readonly capacity: number) {}

  has(text: string): boolean {
    if (this.young.has(text)) return true;
    if (!this.old.has(text)) return false;
    this.add(text);
    return true;
  }

  add(text: string): void {
    if (this.capacity === 0) return;
    if (this.young.size >= Math.ceil(this.capacity / 2)) {
      this.old = this.young;
      this.young = new Set();
    }
    this.young.add(text);
  }
}
