import type { Alert, AlertGroup } from '@faultline/alerts';

/** Longest message, title or tag value shown in a body; the rest is cut with `…`. */
const MAX_FIELD = 2000;

/** Control characters other than tab and line feed (they would garble a header or a terminal). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A value as text: control characters removed, at most `max` characters. */
export function clean(value: unknown, max = MAX_FIELD): string {
  const text = String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One line: every run of whitespace (line breaks too) becomes one space. */
export function oneLine(value: unknown, max = 200): string {
  return clean(value, Number.MAX_SAFE_INTEGER).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** `250 ms`, `1.5 s`, `60 s`, `5 min`, `90 min`, `2 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms >= 7_200_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** `1,234` */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? Math.round(count).toLocaleString('en-US') : '?';
}

/** A fraction as a percentage: `0.042` → `4.2%`, `0.25` → `25%`, `0.0005` → `0.05%`. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return '?';
  const percent = rate * 100;
  const digits = percent >= 10 ? 0 : percent >= 1 ? 1 : 2;
  return `${Number(percent.toFixed(digits))}%`;
}

/** `PaymentError in chargeCard`: the error type (else the title's first line) and the culprit. */
export function groupLabel(group: AlertGroup): string {
  const name = oneLine(group.errorType || group.title, 80) || 'Error';
  const culprit = oneLine(group.culprit, 80);
  return culprit ? `${name} in ${culprit}` : name;
}

/** How much of the group was seen: `12 events in 60 s`, or `4.2% of 600 requests failed (25 errors) in 5 min`. */
export function groupVolume(alert: Alert, group: AlertGroup): string {
  const window = formatDuration(alert.windowMs);
  const errors = `${formatCount(group.count)} ${group.count === 1 ? 'error' : 'errors'}`;
  if (alert.kind === 'error-rate' && group.requests !== undefined) {
    const rate = group.rate ?? (group.requests > 0 ? group.count / group.requests : 0);
    return `${formatRate(rate)} of ${formatCount(group.requests)} requests failed (${errors}) in ${window}`;
  }
  if (alert.kind === 'error-rate') return `${errors} in ${window}`;
  return `${formatCount(group.count)} ${group.count === 1 ? 'event' : 'events'} in ${window}`;
}

/** The threshold that was crossed: `10 events in 60 s`, `1% of requests in 5 min`. */
export function thresholdText(alert: Alert): string {
  const window = formatDuration(alert.windowMs);
  if (alert.kind === 'error-rate') {
    const rate = alert.threshold > 1 ? alert.threshold / 100 : alert.threshold;
    return `${formatRate(rate)} of requests in ${window}`;
  }
  return `${formatCount(alert.threshold)} ${alert.threshold === 1 ? 'event' : 'events'} in ${window}`;
}

/** The group's tags as `key=value` pairs, at most five. */
export function topTags(group: AlertGroup): Array<[string, string]> {
  const tags = group.tags && typeof group.tags === 'object' ? Object.entries(group.tags) : [];
  return tags.slice(0, 5).map(([key, value]) => [oneLine(key, 100), oneLine(value, 200)]);
}

/** The issue link when it is an http(s) URL; anything else (`javascript:`, garbage) is left out. */
export function safeLink(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url.length > 2000) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The line under the subject: what happened, in one sentence. */
export function introText(alert: Alert): string {
  const count = alert.groups.length;
  const rate = alert.kind === 'error-rate';
  if (alert.status === 'resolved') {
    if (rate) return 'The error rate is back under its threshold.';
    return count === 1
      ? 'This error is back under its threshold.'
      : `${count} errors are back under their thresholds.`;
  }
  const what = rate
    ? 'The error rate crossed its threshold'
    : count === 1
      ? 'An error crossed its threshold'
      : `${count} errors crossed their thresholds`;
  return `${what} of ${thresholdText(alert)}.`;
}
