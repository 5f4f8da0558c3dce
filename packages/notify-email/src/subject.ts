import type { Alert } from '@faultline/alerts';
import { formatCount, formatRate, groupLabel, oneLine } from './format.js';

/** Subjects longer than this list fewer groups (and end with `, …`). */
const MAX_SUBJECT = 180;

/** `[prod]` from the alert's environment, unless a prefix was configured (`''` turns it off). */
export function subjectPrefix(alert: Alert, configured: string | undefined): string {
  if (configured !== undefined) return oneLine(configured, 100);
  const environment = oneLine(alert.environment, 64);
  return environment ? `[${environment}]` : '';
}

/** `A, B, …`: as many labels as fit in `room` characters, at least the first one. */
function labelList(labels: readonly string[], room: number): string {
  let list = labels[0] ?? '';
  let shown = 1;
  for (const label of labels.slice(1)) {
    if (list.length + label.length + 5 > room) break;
    list += `, ${label}`;
    shown += 1;
  }
  return shown < labels.length ? `${list}, …` : list;
}

/**
 * The subject of an alert email:
 *
 * - `[prod] 12× PaymentError in chargeCard` (one group, burst)
 * - `[prod] Error rate 4.2%: 25 of 600 requests failed` (error rate)
 * - `[prod] 3 errors crossed their thresholds: PaymentError in chargeCard, TimeoutError in fetchRates, …`
 * - `[prod] Resolved: PaymentError in chargeCard`
 */
export function buildSubject(alert: Alert, configuredPrefix?: string): string {
  const prefix = subjectPrefix(alert, configuredPrefix);
  const lead = prefix ? `${prefix} ` : '';
  const labels = alert.groups.map(groupLabel);
  const room = MAX_SUBJECT - lead.length;
  const [first] = alert.groups;
  let body: string;
  if (first === undefined) {
    body = alert.status === 'resolved' ? 'Resolved: alert' : 'Alert';
  } else if (alert.status === 'resolved') {
    body =
      labels.length === 1
        ? `Resolved: ${labels[0]}`
        : `Resolved: ${labels.length} errors: ${labelList(labels, room - 30)}`;
  } else if (labels.length > 1) {
    body = `${labels.length} errors crossed their thresholds: ${labelList(labels, room - 40)}`;
  } else if (alert.kind === 'error-rate' && first.requests !== undefined) {
    const rate = first.rate ?? (first.requests > 0 ? first.count / first.requests : 0);
    body = `Error rate ${formatRate(rate)}: ${formatCount(first.count)} of ${formatCount(first.requests)} requests failed`;
  } else {
    body = `${formatCount(first.count)}× ${labels[0]}`;
  }
  return `${lead}${body}`;
}
