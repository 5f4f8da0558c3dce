/**
 * The notifier's timers. They are `unref()`ed, so a backoff or a rate-limit wait never keeps the
 * process alive, except while someone holds the clock (while `flush()` is awaited): then every
 * pending and new timer is ref'ed, so the process waits for the deliveries being flushed.
 */
export class Clock {
  readonly #timers = new Set<NodeJS.Timeout>();
  #holders = 0;

  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(ms: number, callback: () => void): () => void {
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        callback();
      },
      Math.max(0, ms),
    );
    if (this.#holders === 0) timer.unref();
    this.#timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    };
  }

  /** Resolves after `ms`. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.setTimer(ms, resolve);
    });
  }

  /** Keeps the process alive for the clock's timers until the returned release is called. */
  hold(): () => void {
    if (this.#holders++ === 0) for (const timer of this.#timers) timer.ref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#holders === 0) for (const timer of this.#timers) timer.unref();
    };
  }
}
