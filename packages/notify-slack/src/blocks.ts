import type { Alert, AlertGroup } from '@faultline/alerts';
import { describeCount, formatTime, levelEmoji } from './format.js';
import { clipEscaped, code, ELLIPSIS, escapeMrkdwn, line, quote } from './text.js';
import type { SlackBlock, SlackButton, SlackText } from './types.js';

/** Slack's limits on what a message may hold (in characters). */
export const LIMITS = {
  header: 150,
  section: 3000,
  field: 2000,
  context: 3000,
  blocks: 50,
  url: 3000,
  fallback: 3000,
} as const;

/** The text of a group's title, whatever the alert holds. */
export function titleOf(group: AlertGroup): string {
  const title = text(group.title) || text(group.errorType) || text(group.key);
  return title === '' ? 'Error' : title;
}

/** `value` as a string: `''` for nothing, `String(value)` otherwise. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : String(value);
}

/** A `mrkdwn` text object; `value` must already be escaped. */
export function mrkdwn(value: string): SlackText {
  return { type: 'mrkdwn', text: value };
}

/** A `plain_text` text object (emoji shortcodes rendered); `value` must already be escaped. */
export function plain(value: string): SlackText {
  return { type: 'plain_text', text: value, emoji: true };
}

/** A link button to `url` when it is an http(s) URL Slack accepts; otherwise nothing. */
export function linkButton(url: unknown, label = 'Open in Sentry'): SlackButton | undefined {
  const href = text(url).trim();
  if (href === '' || href.length > LIMITS.url || !/^https?:\/\//i.test(href)) return undefined;
  try {
    new URL(href);
  } catch {
    return undefined;
  }
  return { type: 'button', text: plain(label), url: href };
}

/** `*Function:* \`chargeCard\`` for the group's culprit, or nothing. */
export function culpritLine(group: AlertGroup): string {
  const culprit = text(group.culprit);
  return culprit.trim() === '' ? '' : `*Function:* ${code(culprit, 300)}`;
}

/** The environment, release and service as section fields (only those the alert has). */
export function fieldsBlock(alert: Alert): SlackBlock | undefined {
  const fields = (
    [
      ['Environment', alert.environment],
      ['Release', alert.release],
      ['Service', alert.service],
    ] as const
  )
    .filter(([, value]) => text(value).trim() !== '')
    .map(([name, value]) => mrkdwn(`*${name}*\n${line(text(value), LIMITS.field - name.length - 3)}`));
  return fields.length === 0 ? undefined : { type: 'section', fields };
}

/** The group's tags as one context line: `*route:* /pay · *region:* eu`; nothing without tags. */
export function tagsBlock(group: AlertGroup): SlackBlock | undefined {
  const tags = group.tags !== null && typeof group.tags === 'object' ? Object.entries(group.tags) : [];
  const shown = tags
    .slice(0, 10)
    .map(([key, value]) => `*${line(key, 60)}:* ${line(text(value), 200)}`)
    .join('  ·  ');
  return shown === ''
    ? undefined
    : { type: 'context', elements: [mrkdwn(clipEscaped(shown, LIMITS.context))] };
}

/** The last context line: alert kind, when the window began and ended, the alert id. */
export function footerBlock(alert: Alert): SlackBlock {
  const groups = alert.groups;
  const first = Math.min(...groups.map((group) => group.firstSeen).filter(Number.isFinite));
  const last = Math.max(...groups.map((group) => group.lastSeen).filter(Number.isFinite));
  const parts = [
    alert.kind === 'error-rate' ? 'Error-rate alert' : 'Burst alert',
    formatTime(first) && `first seen ${formatTime(first)}`,
    formatTime(last) && `last seen ${formatTime(last)}`,
    text(alert.id) && `alert ${code(text(alert.id), 120)}`,
  ].filter((part) => part !== '');
  return { type: 'context', elements: [mrkdwn(clipEscaped(parts.join('  ·  '), LIMITS.context))] };
}

/** One group of a multi-group message: title, count, function, a short quote, a link button. */
export function groupSection(group: AlertGroup, alert: Alert): SlackBlock {
  const count = describeCount(group, alert.kind, alert.windowMs);
  const lines = [
    `${levelEmoji(group.level)} *${line(titleOf(group), 200)}*`,
    [escapeMrkdwn(count), culpritLine(group)].filter(Boolean).join('  ·  '),
  ];
  const message = text(group.message);
  if (message.trim() !== '') lines.push(quote(message, 500));
  const block: SlackBlock = { type: 'section', text: mrkdwn(clipEscaped(lines.join('\n'), LIMITS.section)) };
  const button = linkButton(group.issueUrl);
  if (button !== undefined) block.accessory = button;
  return block;
}

/** Keeps a message within Slack's 50 blocks: the last one left says that some were cut. */
export function capBlocks(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const kept = blocks.slice(0, LIMITS.blocks - 1);
  kept.push({
    type: 'context',
    elements: [mrkdwn(`${ELLIPSIS} ${blocks.length - kept.length} more blocks cut`)],
  });
  return kept;
}
