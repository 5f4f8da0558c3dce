import type { AlertErrorContext } from './engine-options.js';
import type { Alert, Notifier } from './types.js';

/** Reports a failure to the user's `onError`; never throws. */
export type Report = (error: unknown, context: AlertErrorContext) => void;

/** Wraps `onError` so that a failing callback cannot break the engine either. */
export function reporter(onError: Report | undefined): Report {
  return (error, context) => {
    try {
      onError?.(error, context);
    } catch {
      // ignored: there is nowhere left to report it
    }
  };
}

/** Resolves with `work`'s result, or `false` after `timeoutMs`; never rejects. */
export async function withTimeout(
  work: () => Promise<boolean>,
  timeoutMs: number | undefined,
): Promise<boolean> {
  const done = work().catch(() => false);
  if (timeoutMs === undefined) return done;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
    timer.unref?.();
  });
  try {
    return await Promise.race([done, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends alerts to every notifier in the background, and waits for what is on its way. */
export class Dispatcher {
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly notifiers: readonly Notifier[],
    private readonly report: Report,
  ) {}

  /** Hands `alert` to every notifier; a notifier that throws or rejects is reported, never rethrown. */
  send(alert: Alert): void {
    const deliveries = this.notifiers.map(async (notifier) => {
      try {
        await notifier.notify(alert);
      } catch (error) {
        this.report(error, { phase: 'notify', notifier: notifier.name, alertId: alert.id });
      }
    });
    const all = Promise.allSettled(deliveries);
    this.inflight.add(all);
    void all.then(() => this.inflight.delete(all));
  }

  /** Waits for the deliveries under way, then for every notifier's own `flush`. */
  async settle(timeoutMs: number | undefined): Promise<boolean> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
    const flushed = await Promise.all(
      this.notifiers.map(async (notifier) => {
        if (typeof notifier.flush !== 'function') return true;
        try {
          return (await notifier.flush(timeoutMs)) !== false;
        } catch (error) {
          this.report(error, { phase: 'flush', notifier: notifier.name });
          return false;
        }
      }),
    );
    return flushed.every(Boolean);
  }
}
