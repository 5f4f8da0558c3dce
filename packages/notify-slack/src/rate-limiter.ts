/**
 * When each webhook may next be posted to, shared by every notifier of the process, so that two
 * notifiers on the same webhook together stay within Slack's rate. Keyed by the webhook URL; held
 * in memory only.
 */
const nextFree = new Map<string, number>();

const PRUNE_ABOVE = 256;

/**
 * Reserves the next posting slot of `webhook` no sooner than `notBefore` (ms since epoch) and
 * `intervalMs` after the previous slot. Returns how long to wait for it, in ms.
 */
export function reserveSlot(webhook: string, intervalMs: number, notBefore = 0, now = Date.now()): number {
  if (nextFree.size > PRUNE_ABOVE) {
    for (const [key, at] of nextFree) if (at < now) nextFree.delete(key);
  }
  const at = Math.max(now, notBefore, nextFree.get(webhook) ?? 0);
  nextFree.set(webhook, at + intervalMs);
  return at - now;
}

/** Keeps every notifier from posting to `webhook` before `until` (after Slack answered 429). */
export function deferWebhook(webhook: string, until: number): void {
  nextFree.set(webhook, Math.max(until, nextFree.get(webhook) ?? 0));
}
