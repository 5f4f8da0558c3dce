import { randomUUID } from 'node:crypto';
import type { ResolvedOptions } from './engine-options.js';
import type { EventSummary } from './group.js';
import { ERROR_RATE_KEY, type RateWindow } from './store.js';
import type { Alert, AlertGroup } from './types.js';

/** A group of a burst alert, with the last event's summary (for the alert's environment, release, service). */
export interface GroupState {
  group: AlertGroup;
  summary: EventSummary;
}

/** `${sentryUrl}/issues/?query=id:${eventId}`: Sentry's issue search for the event. */
export function issueUrl(sentryUrl: string | undefined, eventId: string | undefined): string | undefined {
  if (sentryUrl === undefined || eventId === undefined) return undefined;
  return `${sentryUrl}/issues/?query=id:${encodeURIComponent(eventId)}`;
}

/** An alert group from a group's window and the summary of its last event. */
export function groupOf(
  key: string,
  summary: EventSummary,
  window: { count: number; since: number; lastSeen: number },
  options: ResolvedOptions,
): AlertGroup {
  const group: AlertGroup = {
    key,
    title: summary.title,
    level: summary.level,
    count: window.count,
    firstSeen: Math.min(window.since, window.lastSeen),
    lastSeen: window.lastSeen,
    tags: summary.tags,
  };
  if (summary.errorType !== undefined) group.errorType = summary.errorType;
  if (summary.message !== undefined) group.message = summary.message;
  if (summary.culprit !== undefined) group.culprit = summary.culprit;
  if (summary.eventId !== undefined) group.eventId = summary.eventId;
  const url = issueUrl(options.sentryUrl, summary.eventId);
  if (url !== undefined) group.issueUrl = url;
  return group;
}

function withSource(alert: Alert, summary: EventSummary | undefined): Alert {
  if (summary?.environment !== undefined) alert.environment = summary.environment;
  if (summary?.release !== undefined) alert.release = summary.release;
  if (summary?.service !== undefined) alert.service = summary.service;
  return alert;
}

/** One burst alert for the groups of a batch, the biggest first; source fields from the latest event. */
export function burstAlert(
  states: readonly GroupState[],
  status: Alert['status'],
  options: ResolvedOptions,
  now: number,
): Alert {
  const sorted = [...states].sort((a, b) => b.group.count - a.group.count);
  let latest = sorted[0];
  for (const state of sorted) if (state.group.lastSeen > (latest?.group.lastSeen ?? 0)) latest = state;
  const alert: Alert = {
    id: randomUUID(),
    kind: 'burst',
    status,
    groups: sorted.map((state) => state.group),
    threshold: options.burst!.threshold,
    windowMs: options.burst!.windowMs,
    createdAt: now,
  };
  return withSource(alert, latest?.summary);
}

/** The error-rate alert: one group `__error_rate__` with errors, requests and their ratio. */
export function rateAlert(
  window: RateWindow,
  last: EventSummary | undefined,
  options: ResolvedOptions,
  now: number,
): Alert {
  const rule = options.errorRate!;
  const rate = window.requests > 0 ? window.errors / window.requests : 0;
  const percent = `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)}%`;
  const seconds = Math.round(rule.windowMs / 1000);
  const group: AlertGroup = {
    key: ERROR_RATE_KEY,
    title: `Error rate ${percent}: ${window.errors} errors in ${window.requests} requests (last ${seconds} s)`,
    level: 'error',
    count: window.errors,
    requests: window.requests,
    rate,
    firstSeen: now - rule.windowMs,
    lastSeen: now,
    tags: {},
  };
  if (last?.title !== undefined) group.message = `Last error: ${last.title}`;
  if (last?.eventId !== undefined) group.eventId = last.eventId;
  const url = issueUrl(options.sentryUrl, last?.eventId);
  if (url !== undefined) group.issueUrl = url;
  const alert: Alert = {
    id: randomUUID(),
    kind: 'error-rate',
    status: 'firing',
    groups: [group],
    threshold: rule.threshold,
    windowMs: rule.windowMs,
    createdAt: now,
  };
  return withSource(alert, last);
}
