import type { Alert, AlertGroup } from '@faultline/alerts';
import { clean, groupVolume, introText, oneLine, safeLink, topTags } from './format.js';
import { buildSubject } from './subject.js';

/** Groups shown in full in one email; the others are counted in a last line. */
export const MAX_GROUPS_SHOWN = 20;

/** One labelled value of the email. Values are raw text: each renderer escapes them its own way. */
export interface Fact {
  label: string;
  value: string;
  /** Keep the line breaks (messages). */
  multiline?: boolean;
}

/** What the email says about one group. */
export interface GroupFacts {
  level: string;
  title: string;
  facts: Fact[];
  tags: Array<[string, string]>;
  /** The http(s) link to the issue in Sentry. */
  link?: string;
}

/** Everything an alert email says, shared by the text and HTML bodies so that both say the same. */
export interface EmailFacts {
  subject: string;
  resolved: boolean;
  intro: string;
  groups: GroupFacts[];
  /** Groups left out after {@link MAX_GROUPS_SHOWN}. */
  moreGroups: number;
  context: Fact[];
}

function groupFacts(alert: Alert, group: AlertGroup): GroupFacts {
  const level = oneLine(group.level, 20) || 'error';
  const facts: Fact[] = [{ label: 'Level', value: level }];
  const culprit = oneLine(group.culprit, 300);
  if (culprit) facts.push({ label: 'Culprit', value: culprit });
  const message = clean(group.message).trim();
  if (message) facts.push({ label: 'Message', value: message, multiline: true });
  facts.push({ label: alert.kind === 'error-rate' ? 'Errors' : 'Events', value: groupVolume(alert, group) });
  const link = safeLink(group.issueUrl);
  return {
    level,
    title: oneLine(group.title, 300) || oneLine(group.errorType, 100) || 'Error',
    facts,
    tags: topTags(group),
    ...(link ? { link } : {}),
  };
}

function contextFacts(alert: Alert): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: unknown, max: number) => {
    const text = oneLine(value, max);
    if (text) facts.push({ label, value: text });
  };
  add('Environment', alert.environment, 64);
  add('Release', alert.release, 200);
  add('Service', alert.service, 200);
  const created = Number.isFinite(alert.createdAt) ? new Date(alert.createdAt).toISOString() : '';
  add('Alert', [alert.kind, alert.status, created].filter(Boolean).join(', '), 200);
  add('Alert id', alert.id, 200);
  return facts;
}

/** Reads an alert into the facts its email states. Never throws on odd values (missing fields, NaN). */
export function alertFacts(alert: Alert, subjectPrefix?: string): EmailFacts {
  const groups = Array.isArray(alert.groups) ? alert.groups : [];
  const normalized: Alert = { ...alert, groups };
  return {
    subject: buildSubject(normalized, subjectPrefix),
    resolved: alert.status === 'resolved',
    intro: introText(normalized),
    groups: groups.slice(0, MAX_GROUPS_SHOWN).map((group) => groupFacts(normalized, group)),
    moreGroups: Math.max(0, groups.length - MAX_GROUPS_SHOWN),
    context: contextFacts(normalized),
  };
}
