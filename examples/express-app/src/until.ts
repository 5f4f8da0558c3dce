import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves true once `condition()` holds, or false when `timeoutMs` passes first (checked every 50 ms). */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}
