/** The median of `values` (the upper one of an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** `1234567` → `1,234,567`. */
export function integer(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** A ratio as `0.97×`; below 0.1 with two significant digits (`0.0042×`). */
export function ratio(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 0.1 ? value.toPrecision(2) : value.toFixed(digits)}×`;
}

/** Nanoseconds since an arbitrary origin. */
export function now(): bigint {
  return process.hrtime.bigint();
}

/** Nanoseconds elapsed since `start`, as a number. */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start);
}

/** Bytes as MB with one decimal. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
