import type { EmailFacts, Fact } from './facts.js';

function factLines(facts: readonly Fact[], indent: string): string[] {
  const width = Math.max(...facts.map((fact) => fact.label.length)) + 2;
  return facts.flatMap((fact) => {
    const head = `${indent}${`${fact.label}:`.padEnd(width)}`;
    const [first = '', ...rest] = fact.value.split('\n');
    return [`${head}${first}`, ...rest.map((line) => `${' '.repeat(head.length)}${line}`)];
  });
}

/**
 * The text/plain body:
 *
 * ```text
 * An error crossed its threshold of 10 events in 60 s.
 *
 * PaymentError: card declined for [Filtered]
 *   Level:    error
 *   Culprit:  chargeCard
 *   …
 * ```
 */
export function renderText(facts: EmailFacts): string {
  const lines: string[] = [facts.intro, ''];
  for (const group of facts.groups) {
    lines.push(group.title);
    const rows: Fact[] = [...group.facts];
    if (group.tags.length > 0) {
      rows.push({ label: 'Tags', value: group.tags.map(([key, value]) => `${key}=${value}`).join(', ') });
    }
    if (group.link) rows.push({ label: 'In Sentry', value: group.link });
    lines.push(...factLines(rows, '  '), '');
  }
  if (facts.moreGroups > 0) {
    lines.push(`…and ${facts.moreGroups} more ${facts.moreGroups === 1 ? 'group' : 'groups'}.`, '');
  }
  if (facts.context.length > 0) lines.push(...factLines(facts.context, ''), '');
  lines.push('Sent by @faultline/notify-email.');
  return `${lines.join('\n')}\n`;
}
