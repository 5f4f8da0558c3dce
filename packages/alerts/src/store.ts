/**
 * The contract between the alert engine and where it keeps its windows and claims. Both built-in
 * stores ({@link memoryStore}, {@link redisStore}) implement it; so can your own.
 */

/** Events of one group counted by this process since the last tick. */
export interface GroupCount {
  key: string;
  /** `0` only asks for the group's current window (used to see whether a burst has ended). */
  count: number;
}

/** A group's sliding window after a tick's counts were added. */
export interface GroupWindow {
  key: string;
  /** Events of the group in the current window, across every process sharing the store. */
  count: number;
  /** Start (ms since epoch) of the oldest bucket of the window holding an event; `now` when the window is empty. */
  since: number;
  /**
   * True when the window holds more than `threshold` events, this call added at least one event,
   * and this caller won the group's alert claim (`alerted:<key>`, held for `claimTtlMs`). Exactly
   * one caller wins a claim while it is held.
   */
  claimed: boolean;
}

/** The burst rule as the store needs it. The window is cut into 12 buckets of `windowMs / 12`. */
export interface BurstWindowRule {
  windowMs: number;
  /** A claim is attempted when the window holds more than this many events. */
  threshold: number;
  /** How long a won claim is held: the repeat interval. */
  claimTtlMs: number;
}

/** The error-rate rule as the store needs it. */
export interface RateWindowRule {
  windowMs: number;
  /** A claim is attempted when errors / requests is above this (0 < threshold ≤ 1)… */
  threshold: number;
  /** …and at least this many requests are in the window. */
  minRequests: number;
  claimTtlMs: number;
}

/** Requests and errors in the error-rate window after a tick's counts were added. */
export interface RateWindow {
  requests: number;
  errors: number;
  /** True when this caller won the claim `alerted:__error_rate__` for a crossing (see {@link GroupWindow.claimed}). */
  claimed: boolean;
}

/**
 * Keeps sliding windows of counts and alert claims. A store serves one set of rules: give every
 * engine with different rules its own store (or Redis prefix).
 */
export interface AlertStore {
  readonly name: string;
  /** Adds each group's count into its window at `now`; returns every group's window, in the order given. */
  add(entries: readonly GroupCount[], now: number, rule: BurstWindowRule): Promise<GroupWindow[]>;
  /** Adds requests and errors into the error-rate window at `now`. */
  addRate(requests: number, errors: number, now: number, rule: RateWindowRule): Promise<RateWindow>;
  /** Releases what the store opened itself (a Redis connection it created). */
  close?(): Promise<void>;
}

/** Buckets per window. */
export const BUCKETS = 12;

/** The claim key of the error-rate rule, and the group key of error-rate alerts. */
export const ERROR_RATE_KEY = '__error_rate__';

/**
 * Thrown by {@link AlertStore.add} when it failed after applying part of a tick: `windows` are the
 * groups that were applied (their claims count); the engine keeps the other groups' counts for the
 * next tick.
 */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
  constructor(
    override readonly cause: unknown,
    readonly windows: readonly GroupWindow[],
  ) {
    super(`The alert store failed after applying ${windows.length} group(s)`);
  }
}
