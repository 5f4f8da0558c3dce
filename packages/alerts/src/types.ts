import type { Event } from '@sentry/core';

/** What kind of threshold an alert is about. */
export type AlertKind = 'burst' | 'error-rate';

/** One group (a fingerprint, or error type + top in-app frame) that crossed a threshold. */
export interface AlertGroup {
  /** The group key: the fingerprint joined, or `type|function`. Never holds raw event data. */
  key: string;
  /** `PaymentError: card declined for [Filtered]` — built from the scrubbed event only. */
  title: string;
  level: string;
  errorType?: string;
  /** The scrubbed exception value or message. */
  message?: string;
  /** The innermost in-app function, else the transaction. */
  culprit?: string;
  /** Events of the group in the window (burst), or errors in the window (error rate). */
  count: number;
  /** For error-rate alerts: requests in the window and errors / requests. */
  requests?: number;
  rate?: number;
  /** When the window's first and last counted events happened (ms since epoch). */
  firstSeen: number;
  lastSeen: number;
  /** Up to 5 tags of the last event (scrubbed). */
  tags: Readonly<Record<string, string>>;
  /** The id of the last event of the group, for a link to Sentry. */
  eventId?: string;
  /** A link to the event in Sentry, when `sentryUrl` lets one be built. */
  issueUrl?: string;
}

/** What notifiers receive: one or more groups that crossed within the batching wait. */
export interface Alert {
  /** Unique per notification; the same alert retried keeps its id (for deduplication downstream). */
  id: string;
  kind: AlertKind;
  /** `firing` when a threshold is crossed; `resolved` when a burst that alerted has ended. */
  status: 'firing' | 'resolved';
  groups: readonly AlertGroup[];
  /** The threshold and window that were crossed: "10 in 60 s", "1% of at least 100 requests". */
  threshold: number;
  windowMs: number;
  environment?: string;
  release?: string;
  /** The service or host the events came from (`server_name`). */
  service?: string;
  createdAt: number;
}

/** Delivers alerts somewhere: Slack, email, a pager. `notify` may be slow; it runs in the background. */
export interface Notifier {
  readonly name: string;
  notify(alert: Alert): Promise<void>;
  /** Waits until queued deliveries are done, up to `timeoutMs`; true if everything was delivered or given up. */
  flush?(timeoutMs?: number): Promise<boolean>;
}

/** Re-exported for adapters that build alerts from events. */
export type { Event };
