import { describe, expect, it } from 'vitest';
import { buildSlackMessage, escapeMrkdwn } from '../src/index.js';
import { expectWithinLimits, makeAlert, makeGroup, textsOf } from './alerts.js';

describe('escaping', () => {
  const hostile = 'a & b <!channel> <https://evil.example|click> > c';
  const alert = makeAlert({
    environment: hostile,
    release: hostile,
    service: hostile,
    groups: [
      makeGroup({
        title: hostile,
        message: hostile,
        culprit: hostile,
        tags: { [hostile]: hostile },
        key: hostile,
      }),
    ],
  });

  it('escapes & < > in every text of one-group and several-group messages', () => {
    for (const message of [
      buildSlackMessage(alert),
      buildSlackMessage({ ...alert, groups: [alert.groups[0]!, alert.groups[0]!] }),
    ]) {
      for (const { text } of [...textsOf(message), { text: message.text }]) {
        expect(text).not.toContain('<');
        expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(text.replace(/^> /gm, '')).not.toContain('>');
      }
      expect(JSON.stringify(message)).toContain(
        'a &amp; b &lt;!channel&gt; &lt;https://evil.example|click&gt; &gt; c',
      );
    }
  });

  it('escapeMrkdwn escapes only & < >', () => {
    expect(escapeMrkdwn('*bold* & <@U123> > `x`')).toBe('*bold* &amp; &lt;@U123&gt; &gt; `x`');
  });
});

describe('cutting to Slack limits', () => {
  it('cuts a long message quote to 3000 characters with …', () => {
    const message = buildSlackMessage(makeAlert({ groups: [makeGroup({ message: 'x'.repeat(10_000) })] }));
    const quoted = message.blocks[2];
    expect(quoted?.type === 'section' && quoted.text?.text).toMatch(/^> x+…$/);
    expect(quoted?.type === 'section' && quoted.text?.text.length).toBe(3000);
  });

  it('cuts the header to 150 characters and the fallback to 3000', () => {
    const message = buildSlackMessage(makeAlert({ groups: [makeGroup({ title: 'T'.repeat(5000) })] }));
    const header = message.blocks[0];
    expect(header?.type === 'header' && header.text.text).toMatch(/^🔴 T+…$/);
    expect(header?.type === 'header' && header.text.text.length).toBe(150);
    expectWithinLimits(message);
  });

  it('never cuts inside an escape, an emoji or a surrogate pair', () => {
    const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].map(({ segment }) => segment);
    const unescapeMrkdwn = (text: string) =>
      text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    /** `text` is `prefix`, then whole graphemes of `full` from its start, then `…`. */
    const expectCleanCut = (text: string | undefined, prefix: string, full: string) => {
      expect(text?.startsWith(prefix) && text.endsWith('…')).toBe(true);
      const kept = text!.slice(prefix.length, -1);
      expect(kept).not.toMatch(/&(?!amp;|lt;|gt;)/);
      const keptGraphemes = graphemes(unescapeMrkdwn(kept));
      expect(keptGraphemes.length).toBeGreaterThan(0);
      expect(keptGraphemes).toEqual(graphemes(full).slice(0, keptGraphemes.length));
    };
    for (const unit of ['&', '<', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'é', 'a&']) {
      const [title, body] = [unit.repeat(400), unit.repeat(4000)];
      const message = buildSlackMessage(makeAlert({ groups: [makeGroup({ title, message: body })] }));
      expectWithinLimits(message);
      const [header, , quoted] = message.blocks;
      expectCleanCut(header?.type === 'header' ? header.text.text : undefined, '🔴 ', title);
      expectCleanCut(quoted?.type === 'section' ? quoted.text?.text : undefined, '> ', body);
    }
  });

  it('keeps multi-line messages quoted line by line', () => {
    const message = buildSlackMessage(
      makeAlert({ groups: [makeGroup({ message: 'first\nsecond\r\nthird\n' })] }),
    );
    expect(message.blocks[2]).toMatchObject({ text: { text: '> first\n> second\n> third' } });
  });

  it('stays within 50 blocks and every limit for the largest alerts', () => {
    const big = makeGroup({
      title: '🔥'.repeat(3000),
      message: 'line\n'.repeat(5000),
      culprit: 'f'.repeat(5000),
      tags: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`tag${i}`.repeat(50), 'v'.repeat(5000)]),
      ),
    });
    const alert = makeAlert({ groups: Array.from({ length: 60 }, () => big), environment: 'e'.repeat(5000) });
    expectWithinLimits(buildSlackMessage(alert));
    expectWithinLimits(buildSlackMessage({ ...alert, groups: [big] }));
  });

  it('survives a malformed alert', () => {
    const message = buildSlackMessage({ id: 7, groups: 'nope' } as never);
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expectWithinLimits(message);
  });
});
