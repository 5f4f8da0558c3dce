import type { EnvelopePredicate, EnvelopeViews, WaitForOptions } from './types.js';

/** Where `waitFor` reads from: the views as they are now, and a signal when something was recorded. */
export interface RecordingSource {
  read(): EnvelopeViews | Promise<EnvelopeViews>;
  /** Calls `listener` after each recorded envelope; returns a function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

const DEFAULT_TIMEOUT_MS = 5_000;

function describeRecording(views: EnvelopeViews | undefined): string {
  if (!views || views.envelopes.length === 0) return 'nothing was recorded';
  const counts = new Map<string, number>();
  for (const { items } of views.envelopes)
    for (const { header } of items) counts.set(header.type, (counts.get(header.type) ?? 0) + 1);
  const types = [...counts].map(([type, count]) => `${type} ×${count}`).join(', ');
  return `${views.envelopes.length} envelope(s) were recorded (items: ${types || 'none'})`;
}

function timeoutError(timeoutMs: number, views: EnvelopeViews | undefined, thrown: unknown): Error {
  const lines = [`waitFor: the condition did not hold within ${timeoutMs} ms; ${describeRecording(views)}.`];
  if (thrown !== undefined)
    lines.push(`The condition last threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  return new Error(lines.join('\n'));
}

/**
 * Resolves with the views once `predicate` holds. The predicate runs once at once and again after
 * each recorded envelope (no polling); a predicate that throws counts as false, and its last error
 * is quoted when the wait times out.
 */
export async function waitForRecording(
  source: RecordingSource,
  predicate: EnvelopePredicate,
  options: WaitForOptions = {},
): Promise<EnvelopeViews> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
    throw new TypeError(`waitFor: timeoutMs must be a finite number of milliseconds ≥ 0, got ${timeoutMs}`);

  let changed = true;
  let timedOut = false;
  let wake: (() => void) | undefined;
  const unsubscribe = source.subscribe(() => {
    changed = true;
    wake?.();
  });
  const timer = setTimeout(() => {
    timedOut = true;
    wake?.();
  }, timeoutMs);
  let views: EnvelopeViews | undefined;
  let thrown: unknown;
  try {
    for (;;) {
      if (changed) {
        changed = false;
        views = await source.read();
        try {
          if (predicate(views)) return views;
          thrown = undefined;
        } catch (error) {
          thrown = error;
        }
      }
      if (timedOut) throw timeoutError(timeoutMs, views, thrown);
      if (!changed) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}
