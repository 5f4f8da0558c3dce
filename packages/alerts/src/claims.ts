/**
 * Set-if-absent claims with expiry, in memory: `alerted:<group>` of the memory store, and the
 * per-process dedup memo of the engine. Bounded: beyond `maxKeys` expired claims are dropped, then
 * the oldest.
 */
export class Claims {
  private readonly until = new Map<string, number>();

  constructor(private readonly maxKeys: number) {}

  /** Takes the claim on `key` until `now + ttlMs`; false when someone holds it. */
  take(key: string, now: number, ttlMs: number): boolean {
    const held = this.until.get(key);
    if (held !== undefined && held > now) return false;
    this.until.delete(key);
    this.until.set(key, now + ttlMs);
    if (this.until.size > this.maxKeys) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, held] of this.until) if (held <= now) this.until.delete(key);
    while (this.until.size > this.maxKeys) {
      const oldest = this.until.keys().next().value as string;
      this.until.delete(oldest);
    }
  }
}
