/** Thrown by `createAlertEngine` and the stores for an option they cannot use. `option` names it, e.g. `burst.threshold`. */
export class AlertOptionsError extends TypeError {
  override readonly name = 'AlertOptionsError';
  constructor(
    readonly option: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid alert option \`${option}\`: ${problem}. ${fix}`);
  }
}

/** How a bad option value is shown in an error message (never the whole value: it could hold a secret). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? `the string "${value.slice(0, 40)}"` : typeof value;
}
