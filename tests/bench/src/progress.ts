const started = Date.now();

/** One progress line on stderr, with the time since the run started; stdout stays free. */
export function progress(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${line}\n`);
}

/** Seconds since the run started. */
export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}
