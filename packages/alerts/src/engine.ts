import type { Event } from '@sentry/core';
import { burstAlert, type GroupState, groupOf, rateAlert } from './alerts.js';
import { Claims } from './claims.js';
import { Dispatcher, reporter, withTimeout } from './dispatcher.js';
import type { AlertEngine, AlertEngineOptions } from './engine-options.js';
import { groupKey, levelOf, safeSummary } from './group.js';
import { resolveOptions } from './options.js';
import { PendingCounts } from './pending.js';
import {
  type BurstWindowRule,
  type GroupCount,
  type GroupWindow,
  type RateWindowRule,
  StoreWriteError,
} from './store.js';

/** A group this process alerted for, watched until it has stayed below its threshold for a whole window. */
interface Firing {
  state: GroupState;
  belowSince: number | undefined;
}

/** Alerted groups remembered per process (the second guard against a repeat) and watched for `resolved`. */
const MAX_ALERTED = 10_000;

/**
 * Creates an alert engine: bursts of one group and the error rate, deduplicated for the repeat
 * interval, batched, sent to every notifier. `observe` only counts in memory; a background tick
 * (every `tickMs`, unref'd) writes the counts to the store and sends what crossed.
 *
 * @example
 * const engine = createAlertEngine({ notifiers: [new SlackNotifier({ webhookUrl })] });
 * engine.observe(scrubbedEvent);
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const o = resolveOptions(options);
  const report = reporter(o.onError);
  const dispatcher = new Dispatcher(o.notifiers, report);
  const pending = new PendingCounts(o.maxPendingGroups);
  const memo = new Claims(MAX_ALERTED);
  const firing = new Map<string, Firing>();
  let batch: GroupState[] = [];
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<boolean> | undefined;
  let closing: Promise<boolean> | undefined;
  let closed = false;
  const timer = setInterval(() => void tick(), o.tickMs);
  timer.unref?.();

  function sendBatch(): void {
    clearTimeout(batchTimer);
    batchTimer = undefined;
    if (batch.length === 0) return;
    const states = batch;
    batch = [];
    dispatcher.send(burstAlert(states, 'firing', o, o.now()));
  }

  /** Whether a watched group has now been below its threshold for a whole window. */
  function ended(watched: Firing, window: GroupWindow, rule: BurstWindowRule, now: number): boolean {
    if (window.count >= rule.threshold) watched.belowSince = undefined;
    else watched.belowSince ??= now;
    return watched.belowSince !== undefined && now - watched.belowSince >= rule.windowMs;
  }

  async function tickBurst(rule: BurstWindowRule, now: number): Promise<boolean> {
    if (pending.groups.size === 0 && firing.size === 0) return true;
    const drained = pending.drainGroups();
    const entries: GroupCount[] = [];
    for (const [key, entry] of drained) entries.push({ key, count: entry.count });
    for (const key of firing.keys()) if (!drained.has(key)) entries.push({ key, count: 0 });
    let windows: readonly GroupWindow[];
    let applied = true;
    try {
      windows = await o.store.add(entries, now, rule);
    } catch (error) {
      applied = false;
      windows = error instanceof StoreWriteError ? error.windows : [];
      pending.restoreGroups(drained, windows);
      report(error instanceof StoreWriteError ? error.cause : error, { phase: 'store' });
    }
    const resolved: GroupState[] = [];
    for (const window of windows) {
      const entry = drained.get(window.key);
      if (entry && window.claimed && memo.take(`burst:${window.key}`, now, o.repeatIntervalMs)) {
        const summary = safeSummary(entry.event, window.key);
        const state = {
          summary,
          group: groupOf(window.key, summary, { ...window, lastSeen: entry.lastSeen }, o),
        };
        batch.push(state);
        batchTimer ??= setTimeout(sendBatch, o.batchWaitMs);
        if (o.resolveNotifications) firing.set(window.key, { state, belowSince: undefined });
        if (firing.size > MAX_ALERTED) firing.delete(firing.keys().next().value as string);
        continue;
      }
      const watched = firing.get(window.key);
      if (watched === undefined) continue;
      if (entry) watched.state.group = { ...watched.state.group, lastSeen: entry.lastSeen };
      if (!ended(watched, window, rule, now)) continue;
      firing.delete(window.key);
      resolved.push({ ...watched.state, group: { ...watched.state.group, count: window.count } });
    }
    if (resolved.length > 0) dispatcher.send(burstAlert(resolved, 'resolved', o, now));
    return applied;
  }

  async function tickRate(rule: RateWindowRule, now: number): Promise<boolean> {
    if (pending.requests === 0 && pending.errors === 0) return true;
    const [requests, errors] = pending.drainRate();
    try {
      const window = await o.store.addRate(requests, errors, now, rule);
      if (window.claimed && memo.take('rate:', now, o.repeatIntervalMs)) {
        const last = pending.lastError && safeSummary(pending.lastError, 'error');
        dispatcher.send(rateAlert(window, last, o, now));
      }
      return true;
    } catch (error) {
      pending.restoreRate(requests, errors);
      report(error, { phase: 'store' });
      return false;
    }
  }

  async function runTick(): Promise<boolean> {
    try {
      const now = o.now();
      const burst = o.burst ? await tickBurst(o.burst, now) : true;
      const rate = o.errorRate ? await tickRate(o.errorRate, now) : true;
      return burst && rate;
    } catch (error) {
      report(error, { phase: 'store' });
      return false;
    }
  }

  function tick(): Promise<boolean> {
    ticking ??= runTick().finally(() => {
      ticking = undefined;
    });
    return ticking;
  }

  function observe(event: Event): void {
    if (closed) return;
    try {
      if (typeof event !== 'object' || event === null || event.type !== undefined) return;
      const level = levelOf(event);
      if (o.errorRate && (level === 'error' || level === 'fatal')) {
        pending.errors++;
        pending.lastError = event;
      }
      if (o.burst && o.criticalLevels.has(level)) pending.count(groupKey(event), event, o.now());
    } catch (error) {
      report(error, { phase: 'observe' });
    }
  }

  function flush(timeoutMs?: number): Promise<boolean> {
    return withTimeout(async () => {
      if (ticking) await ticking;
      const applied = await tick();
      sendBatch();
      const delivered = await dispatcher.settle(timeoutMs);
      return applied && delivered;
    }, timeoutMs);
  }

  async function close(timeoutMs?: number): Promise<boolean> {
    clearInterval(timer);
    const flushed = await flush(timeoutMs);
    closed = true;
    clearTimeout(batchTimer);
    await withTimeout(async () => {
      await o.store.close?.();
      return true;
    }, timeoutMs);
    return flushed;
  }

  return {
    observe,
    recordRequests(count = 1) {
      if (!closed && typeof count === 'number' && count > 0 && Number.isFinite(count))
        pending.requests += Math.floor(count);
    },
    flush,
    close(timeoutMs) {
      closing ??= close(timeoutMs);
      return closing;
    },
  };
}
