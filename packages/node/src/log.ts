/** Where Faultline's own messages go: one line each, never event data or secrets. */
export type LogLine = (line: string) => void;

/** The default: `console.warn` with a `[faultline]` prefix. */
export const warnLine: LogLine = (line) => console.warn(`[faultline] ${line}`);

/** The message of an error, for a log line (never its stack or its properties). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
