import type { ChildProcess } from 'node:child_process';

/** Every child process a test started and has not seen exit: killed when the test process exits. */
const running = new Set<ChildProcess>();
let hooked = false;

/** Kills `child` with SIGKILL if the test process exits first, however it exits. */
export function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/** Resolves once `child` has exited; SIGKILLs it after `graceMs` if it is still running. */
export async function ended(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until `condition()` holds, checking every 50 ms; throws after `timeoutMs` with `what` and
 * `describe()` (what was seen): a hang detector, not a speed limit.
 */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  describe: () => string = () => '',
): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs)
      throw new Error(`${what}: not within ${timeoutMs} ms. ${describe()}`.trim());
    await sleep(50);
  }
}
