import type { Event } from '@sentry/core';
import type { GroupWindow } from './store.js';

/** A group's events counted since the last tick, and the last of them (summarized only if it alerts). */
export interface Pending {
  count: number;
  event: Event;
  lastSeen: number;
}

/**
 * What `observe` and `recordRequests` counted since the last tick: the only work done per event.
 * Bounded: beyond `maxGroups` new groups wait for the next tick.
 */
export class PendingCounts {
  groups = new Map<string, Pending>();
  requests = 0;
  errors = 0;
  lastError: Event | undefined;

  constructor(private readonly maxGroups: number) {}

  count(key: string, event: Event, now: number): void {
    const entry = this.groups.get(key);
    if (entry !== undefined) {
      entry.count++;
      entry.event = event;
      entry.lastSeen = now;
    } else if (this.groups.size < this.maxGroups) this.groups.set(key, { count: 1, event, lastSeen: now });
  }

  drainGroups(): Map<string, Pending> {
    const drained = this.groups;
    this.groups = new Map();
    return drained;
  }

  /** Puts back what a failed tick could not write (all but `applied`), merged with newer counts. */
  restoreGroups(drained: Map<string, Pending>, applied: readonly GroupWindow[]): void {
    const done = new Set(applied.map((window) => window.key));
    for (const [key, entry] of drained) {
      if (done.has(key)) continue;
      const current = this.groups.get(key);
      if (current) current.count += entry.count;
      else if (this.groups.size < this.maxGroups) this.groups.set(key, entry);
    }
  }

  drainRate(): [requests: number, errors: number] {
    const drained: [number, number] = [this.requests, this.errors];
    this.requests = 0;
    this.errors = 0;
    return drained;
  }

  restoreRate(requests: number, errors: number): void {
    this.requests += requests;
    this.errors += errors;
  }
}
