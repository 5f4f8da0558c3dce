/** Why an event got its fingerprint: `explain()` of `@faultline/fingerprint`, for the report. */
export interface EventExplanation {
  eventId: string;
  type: string | undefined;
  transaction: string | undefined;
  tags: Record<string, unknown> | undefined;
  fingerprint: string[] | undefined;
  rule: string | undefined;
  steps: Array<{ rule: string; matched: boolean; reason: string }>;
}

/** What the server tells the process that started it (over IPC, when there is one). */
export type ServerMessage =
  | { port: number }
  | { explanation: EventExplanation }
  | { jobFailed: { id: string; name: string } };

/** What the parent can tell the server. */
export type ParentMessage = 'stop';

/** Sends to the parent process, if this process has one with an IPC channel. */
export function tellParent(message: ServerMessage): void {
  if (process.send && process.connected) process.send(message);
}
