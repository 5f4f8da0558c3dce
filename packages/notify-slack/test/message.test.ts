import { describe, expect, it } from 'vitest';
import { buildSlackMessage } from '../src/index.js';
import { blocksOf, expectWithinLimits, makeAlert, makeGroup } from './alerts.js';

describe('one group', () => {
  const message = buildSlackMessage(makeAlert({ id: 'alert-42' }));

  it('is a header, a summary, the quoted message, fields, tags, a link and a footer', () => {
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
      'actions',
      'context',
    ]);
    const [header, summary, quoted, fields] = message.blocks;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🔴 PaymentError: card declined for [Filtered]', emoji: true },
    });
    expect(summary).toMatchObject({ text: { type: 'mrkdwn' } });
    expect(JSON.stringify(summary)).toContain('*12 events in 60 s*  ·  threshold 10 in 60 s');
    expect(JSON.stringify(summary)).toContain('*Function:* `chargeCard`');
    expect(quoted).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '> card declined for [Filtered]' },
    });
    expect(fields).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Environment*\nproduction' },
        { type: 'mrkdwn', text: '*Release*\ncheckout@1.4.2' },
        { type: 'mrkdwn', text: '*Service*\ncheckout-api' },
      ],
    });
    const [tags, footer] = blocksOf(message, 'context');
    expect(tags?.elements[0]?.text).toBe('*route:* /pay  ·  *region:* eu-west-1');
    expect(footer?.elements[0]?.text).toBe(
      'Burst alert  ·  first seen 2024-05-01 12:00:00 UTC  ·  last seen 2024-05-01 12:00:58 UTC  ·  alert `alert-42`',
    );
    expectWithinLimits(message);
  });

  it('links to the issue in Sentry with a button', () => {
    expect(blocksOf(message, 'actions')[0]?.elements).toEqual([
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open in Sentry', emoji: true },
        url: 'https://acme.sentry.io/issues/?query=c0ffee0000000000c0ffee0000000000',
      },
    ]);
  });

  it('has no link without an http(s) issueUrl', () => {
    for (const issueUrl of [undefined, '', 'javascript:alert(1)', 'not a url']) {
      const built = buildSlackMessage(makeAlert({ groups: [makeGroup({ issueUrl })] }));
      expect(blocksOf(built, 'actions')).toEqual([]);
      expect(JSON.stringify(built)).not.toContain('"button"');
    }
  });

  it('has a plain-text fallback with the title, the count and where', () => {
    expect(message.text).toBe(
      '🔴 PaymentError: card declined for [Filtered] — 12 events in 60 s (production, checkout-api)',
    );
  });

  it('words an error-rate alert as a share of requests', () => {
    const alert = makeAlert({
      kind: 'error-rate',
      threshold: 0.01,
      groups: [makeGroup({ count: 10, requests: 400, rate: 0.025 })],
    });
    const built = buildSlackMessage(alert);
    expect(JSON.stringify(built.blocks[1])).toContain('*2.5% of 400 requests in 60 s*  ·  threshold 1%');
    expect(built.text).toContain('2.5% of 400 requests in 60 s');
  });

  it('shows the level, one event, and longer windows as people read them', () => {
    const built = buildSlackMessage(
      makeAlert({ windowMs: 300_000, groups: [makeGroup({ level: 'warning', count: 1 })] }),
    );
    expect(built.blocks[0]).toMatchObject({ text: { text: expect.stringMatching(/^🟠 /) } });
    expect(built.text).toContain('1 event in 5 min');
  });

  it('leaves out what the alert does not have', () => {
    const group = makeGroup({ message: undefined, culprit: undefined, tags: {}, issueUrl: undefined });
    const built = buildSlackMessage(
      makeAlert({ groups: [group], environment: undefined, release: undefined, service: undefined }),
    );
    expect(built.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(built.text).toBe('🔴 PaymentError: card declined for [Filtered] — 12 events in 60 s');
  });

  it('puts channel and username into the payload only when given', () => {
    expect(message).not.toHaveProperty('channel');
    expect(message).not.toHaveProperty('username');
    const built = buildSlackMessage(makeAlert(), { channel: '#alerts', username: 'Faultline' });
    expect(built).toMatchObject({ channel: '#alerts', username: 'Faultline', unfurl_links: false });
  });
});

describe('resolved', () => {
  it('says Resolved with a check mark, for one group and for several', () => {
    const one = buildSlackMessage(makeAlert({ status: 'resolved' }));
    expect(one.blocks[0]).toMatchObject({
      text: { text: '✅ Resolved: PaymentError: card declined for [Filtered]' },
    });
    expect(JSON.stringify(one.blocks[1])).toContain('*Resolved:* back under the threshold of 10 in 60 s');
    expect(one.text).toMatch(/^✅ Resolved: PaymentError/);
    const many = buildSlackMessage(
      makeAlert({ status: 'resolved', groups: [makeGroup(), makeGroup({ title: 'B' })] }),
    );
    expect(many.blocks[0]).toMatchObject({ text: { text: '✅ Resolved: 2 error groups' } });
    expect(many.text).toMatch(/^✅ Resolved/);
  });
});

describe('several groups', () => {
  const groups = Array.from({ length: 13 }, (_, index) =>
    makeGroup({
      key: `g${index}`,
      title: `Error${index}: failed`,
      count: 20 - index,
      level: index === 4 ? 'fatal' : 'error',
    }),
  );

  it('lists every group in one message', () => {
    const message = buildSlackMessage(makeAlert({ groups: groups.slice(0, 3) }));
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🔴 3 error groups over the threshold' },
    });
    const sections = blocksOf(message, 'section').filter((block) => block.accessory !== undefined);
    expect(sections.map((block) => block.text?.text.split('\n')[0])).toEqual([
      '🔴 *Error0: failed*',
      '🔴 *Error1: failed*',
      '🔴 *Error2: failed*',
    ]);
    expect(sections[0]?.text?.text).toContain(
      '20 events in 60 s  ·  *Function:* `chargeCard`\n> card declined',
    );
    expect(sections[0]?.accessory?.url).toBe(groups[0]?.issueUrl);
    expect(message.text).toBe(
      '🔴 3 error groups over the threshold in production: Error0: failed (20 events); Error1: failed (19 events); Error2: failed (18 events)',
    );
    expectWithinLimits(message);
  });

  it('lists at most 10 groups, then "and N more", under the worst level', () => {
    const message = buildSlackMessage(makeAlert({ groups }));
    expect(message.blocks[0]).toMatchObject({ text: { text: '💥 13 error groups over the threshold' } });
    const listed = blocksOf(message, 'section').filter((block) => block.accessory !== undefined);
    expect(listed).toHaveLength(10);
    expect(JSON.stringify(message.blocks)).toContain('…and 3 more');
    expect(message.text).toMatch(/; and 3 more$/);
    expectWithinLimits(message);
  });
});
