import type { Alert, AlertGroup } from '@faultline/alerts';
import {
  capBlocks,
  culpritLine,
  fieldsBlock,
  footerBlock,
  groupSection,
  LIMITS,
  linkButton,
  mrkdwn,
  plain,
  tagsBlock,
  text,
  titleOf,
} from './blocks.js';
import { describeCount, describeThreshold, levelEmoji, worstLevel } from './format.js';
import { clipEscaped, escapeMrkdwn, fit, line, oneLine, quote } from './text.js';
import type { SlackBlock, SlackMessage, SlackMessageOptions } from './types.js';

/** How many groups a multi-group message lists; the rest are counted in "and N more". */
export const MAX_GROUPS_LISTED = 10;

const RESOLVED = '✅';

/**
 * The Slack message for `alert`: a Block Kit layout (header, sections, context, a link button)
 * and a plain `text` fallback, within Slack's limits, every alert text escaped. One group gets
 * a detailed message; several get one message listing up to 10 of them, then "and N more".
 */
export function buildSlackMessage(alert: Alert, options: SlackMessageOptions = {}): SlackMessage {
  const safe = normalizeAlert(alert);
  const [blocks, fallback] = safe.groups.length === 1 ? singleGroup(safe, safe.groups[0]!) : manyGroups(safe);
  const message: SlackMessage = {
    text: clipEscaped(fallback, LIMITS.fallback),
    blocks: capBlocks(blocks),
    unfurl_links: false,
    unfurl_media: false,
  };
  if (options.channel !== undefined) message.channel = options.channel;
  if (options.username !== undefined) message.username = options.username;
  return message;
}

/** A copy of the alert every builder can trust: arrays are arrays, groups are objects. */
function normalizeAlert(alert: Alert): Alert {
  const source = (alert ?? {}) as Partial<Alert>;
  const groups = Array.isArray(source.groups)
    ? source.groups.filter((group): group is AlertGroup => group !== null && typeof group === 'object')
    : [];
  return {
    ...source,
    id: text(source.id),
    kind: source.kind === 'error-rate' ? 'error-rate' : 'burst',
    status: source.status === 'resolved' ? 'resolved' : 'firing',
    groups,
    threshold: Number(source.threshold),
    windowMs: Number.isFinite(source.windowMs) ? Number(source.windowMs) : 0,
    createdAt: Number(source.createdAt),
  };
}

function header(value: string): SlackBlock {
  return { type: 'header', text: plain(value) };
}

function statusLine(alert: Alert, count: string): string {
  const threshold = describeThreshold(alert);
  if (alert.status === 'resolved')
    return threshold === ''
      ? `*Resolved:* back to normal (last window: ${count})`
      : `*Resolved:* back under the threshold of ${threshold} (last window: ${count})`;
  return threshold === '' ? `*${count}*` : `*${count}*  ·  threshold ${threshold}`;
}

function singleGroup(alert: Alert, group: AlertGroup): [SlackBlock[], string] {
  const resolved = alert.status === 'resolved';
  const emoji = resolved ? RESOLVED : levelEmoji(group.level);
  const title = titleOf(group);
  const count = describeCount(group, alert.kind, alert.windowMs);
  const blocks: SlackBlock[] = [
    header(fit(oneLine(title), LIMITS.header, escapeMrkdwn, resolved ? `${emoji} Resolved: ` : `${emoji} `)),
    {
      type: 'section',
      text: mrkdwn([escapeMrkdwn(statusLine(alert, count)), culpritLine(group)].filter(Boolean).join('\n')),
    },
  ];
  const message = text(group.message);
  if (message.trim() !== '') blocks.push({ type: 'section', text: mrkdwn(quote(message, LIMITS.section)) });
  const fields = fieldsBlock(alert);
  if (fields !== undefined) blocks.push(fields);
  const tags = tagsBlock(group);
  if (tags !== undefined) blocks.push(tags);
  const button = linkButton(group.issueUrl);
  if (button !== undefined) blocks.push({ type: 'actions', elements: [button] });
  blocks.push(footerBlock(alert));
  const where = [alert.environment, alert.service].map(text).filter((part) => part.trim() !== '');
  const fallback = [
    `${emoji} ${resolved ? 'Resolved: ' : ''}${line(title, 300)}`,
    ` — ${escapeMrkdwn(count)}`,
    where.length > 0 ? ` (${where.map((part) => line(part, 100)).join(', ')})` : '',
  ].join('');
  return [blocks, fallback];
}

function manyGroups(alert: Alert): [SlackBlock[], string] {
  const resolved = alert.status === 'resolved';
  const emoji = resolved ? RESOLVED : levelEmoji(worstLevel(alert.groups));
  const n = alert.groups.length;
  const groupsText = n === 0 ? 'Faultline alert' : `${n} error groups`;
  const firing = n === 0 ? `${emoji} ${groupsText}` : `${emoji} ${groupsText} over the threshold`;
  const title = resolved ? `${emoji} Resolved: ${groupsText}` : firing;
  const threshold = describeThreshold(alert);
  const kind = alert.kind === 'error-rate' ? 'Error-rate alert' : 'Burst alert';
  const summary = resolved
    ? `*Resolved:* back under the threshold${threshold === '' ? '' : ` of ${threshold}`}`
    : `*${kind}*${threshold === '' ? '' : `  ·  threshold ${threshold}`}`;
  const blocks: SlackBlock[] = [header(title), { type: 'section', text: mrkdwn(escapeMrkdwn(summary)) }];
  const fields = fieldsBlock(alert);
  if (fields !== undefined) blocks.push(fields);
  blocks.push({ type: 'divider' });
  for (const group of alert.groups.slice(0, MAX_GROUPS_LISTED)) {
    blocks.push(groupSection(group, alert));
    const tags = tagsBlock(group);
    if (tags !== undefined) blocks.push(tags);
  }
  const more = n - MAX_GROUPS_LISTED;
  if (more > 0) blocks.push({ type: 'section', text: mrkdwn(`…and ${more} more`) });
  blocks.push(footerBlock(alert));
  const listed = alert.groups
    .slice(0, MAX_GROUPS_LISTED)
    .map((group) => `${line(titleOf(group), 120)} (${escapeMrkdwn(describeCount(group, alert.kind, 0))})`);
  const where = text(alert.environment).trim() === '' ? '' : ` in ${line(text(alert.environment), 100)}`;
  const fallback = `${title}${where}: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  return [blocks, fallback];
}
