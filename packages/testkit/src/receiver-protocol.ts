import type { ScriptedResponse } from './receiver-types.js';

/** Set by the parent to the port the receiver process should listen on; the process runs only then. */
export const RECEIVER_PORT_VARIABLE = 'FAULTLINE_TESTKIT_RECEIVER_PORT';

/** What the parent asks the receiver process over IPC; each command gets one reply with its `id`. */
export type ReceiverCommand =
  | { id: number; command: 'envelopes' | 'rejected' | 'reset' | 'stop' | 'restart' }
  | { id: number; command: 'respondWith'; response: ScriptedResponse };

/** What the receiver process tells the parent. */
export type ReceiverMessage =
  | { type: 'listening'; port: number }
  | { type: 'failed'; error: string }
  | { type: 'received' }
  | { type: 'reply'; id: number; result?: unknown; error?: string };
