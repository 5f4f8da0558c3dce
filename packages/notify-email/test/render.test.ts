import { describe, expect, it } from 'vitest';
import { renderAlertEmail } from '../src/index.js';
import { makeAlert, makeGroup } from './fixtures.js';

const TIMEOUTS = makeGroup({
  key: 'TimeoutError|fetchRates',
  errorType: 'TimeoutError',
  culprit: 'fetchRates',
  title: 'TimeoutError: rates service did not answer',
  message: 'rates service did not answer',
  count: 30,
});

describe('subject', () => {
  it('names the count, the error type and the culprit, behind the environment', () => {
    expect(renderAlertEmail(makeAlert()).subject).toBe('[prod] 12× PaymentError in chargeCard');
  });

  it('has no prefix without an environment, and the configured one when given', () => {
    expect(renderAlertEmail(makeAlert({ environment: undefined })).subject).toBe(
      '12× PaymentError in chargeCard',
    );
    const alert = makeAlert();
    expect(renderAlertEmail(alert, { subjectPrefix: '[shop]' }).subject).toBe(
      '[shop] 12× PaymentError in chargeCard',
    );
    expect(renderAlertEmail(alert, { subjectPrefix: '' }).subject).toBe('12× PaymentError in chargeCard');
  });

  it('lists several groups', () => {
    const third = makeGroup({
      errorType: 'TypeError',
      culprit: 'renderCart',
      title: 'TypeError: x is undefined',
    });
    const alert = makeAlert({ groups: [makeGroup(), TIMEOUTS, third] });
    expect(renderAlertEmail(alert).subject).toBe(
      '[prod] 3 errors crossed their thresholds: PaymentError in chargeCard, TimeoutError in fetchRates, TypeError in renderCart',
    );
  });

  it('ends a list that does not fit with an ellipsis', () => {
    const groups = Array.from({ length: 30 }, (_, index) =>
      makeGroup({ key: `g${index}`, errorType: `Error${index}`, culprit: `someLongFunctionName${index}` }),
    );
    const subject = renderAlertEmail(makeAlert({ groups })).subject;
    expect(subject).toMatch(
      /^\[prod\] 30 errors crossed their thresholds: Error0 in someLongFunctionName0, .*, …$/,
    );
    expect(subject.length).toBeLessThanOrEqual(180);
  });

  it('says Resolved', () => {
    expect(renderAlertEmail(makeAlert({ status: 'resolved' })).subject).toBe(
      '[prod] Resolved: PaymentError in chargeCard',
    );
    expect(renderAlertEmail(makeAlert({ status: 'resolved', groups: [makeGroup(), TIMEOUTS] })).subject).toBe(
      '[prod] Resolved: 2 errors: PaymentError in chargeCard, TimeoutError in fetchRates',
    );
  });

  it('gives the rate of an error-rate alert', () => {
    const group = makeGroup({
      key: '__error_rate__',
      title: 'Error rate 4.17%: 25 errors in 600 requests (last 300 s)',
      errorType: undefined,
      culprit: undefined,
      message: 'Last error: PaymentError: card declined for [Filtered]',
      count: 25,
      requests: 600,
      rate: 25 / 600,
      tags: {},
    });
    const alert = makeAlert({ kind: 'error-rate', threshold: 0.01, windowMs: 300_000, groups: [group] });
    const { subject, text, html } = renderAlertEmail(alert);
    expect(subject).toBe('[prod] Error rate 4.2%: 25 of 600 requests failed');
    for (const body of [text, html]) {
      expect(body).toContain('The error rate crossed its threshold of 1% of requests in 5 min.');
      expect(body).toContain('4.2% of 600 requests failed (25 errors) in 5 min');
      expect(body).toContain('Last error: PaymentError: card declined for [Filtered]');
    }
  });

  it('falls back to the title without an error type, and keeps headers on one line', () => {
    const group = makeGroup({
      errorType: undefined,
      culprit: undefined,
      title: 'Something\r\nBcc: evil@example.com',
    });
    const subject = renderAlertEmail(makeAlert({ groups: [group], environment: 'prod\nX-Evil: 1' })).subject;
    expect(subject).toBe('[prod X-Evil: 1] 12× Something Bcc: evil@example.com');
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe('bodies', () => {
  it('state the same facts in text and HTML', () => {
    const { text, html } = renderAlertEmail(makeAlert());
    for (const fact of [
      'An error crossed its threshold of 10 events in 60 s.',
      'PaymentError: card declined for [Filtered]',
      'error',
      'chargeCard',
      'card declined for [Filtered]',
      '12 events in 60 s',
      'route=POST /api/orders/:id/pay',
      'region=eu-west-1',
      'prod',
      'shop-api@4.2.0',
      'api-7f9c',
      'alert-',
      'https://acme.sentry.io/issues/?query=9f1c3a7b2d4e4f6a8b0c1d2e3f4a5b6c',
    ]) {
      expect(text).toContain(fact);
      expect(html).toContain(fact);
    }
  });

  it('describe every group', () => {
    const { text, html } = renderAlertEmail(makeAlert({ groups: [makeGroup(), TIMEOUTS] }));
    for (const body of [text, html]) {
      expect(body).toContain('2 errors crossed their thresholds of 10 events in 60 s.');
      expect(body).toContain('TimeoutError: rates service did not answer');
      expect(body).toContain('30 events in 60 s');
    }
  });

  it('leave out what the alert does not have', () => {
    const group = makeGroup({ culprit: undefined, message: undefined, issueUrl: undefined, tags: {} });
    const { text, html } = renderAlertEmail(
      makeAlert({ groups: [group], release: undefined, service: undefined }),
    );
    for (const body of [text, html]) {
      expect(body).not.toMatch(/Culprit|Message|Tags|In Sentry|Release|Service|undefined|NaN/);
    }
    expect(html).not.toContain('<a ');
  });

  it('show at most 20 groups and count the others', () => {
    const groups = Array.from({ length: 23 }, (_, index) =>
      makeGroup({ key: `g${index}`, title: `Group ${index}` }),
    );
    const { text, html } = renderAlertEmail(makeAlert({ groups }));
    expect(text).toContain('Group 19');
    expect(text).not.toContain('Group 20');
    expect(text).toContain('…and 3 more groups.');
    expect(html).toContain('…and 3 more groups.');
  });

  it('survive a malformed alert', () => {
    const alert = makeAlert({ groups: undefined as never, windowMs: Number.NaN, createdAt: Number.NaN });
    const { subject, text, html } = renderAlertEmail(alert);
    expect(subject).toBe('[prod] Alert');
    expect(text).toContain('Alert id');
    expect(html).toContain('</html>');
  });
});

describe('HTML', () => {
  const planted = makeGroup({
    title: `<script>alert("pwned")</script> & 'quotes'`,
    message: `<img src="https://evil.example/x.png" onerror='steal()'> password=[Filtered] & more`,
    culprit: '<b>chargeCard</b>',
    tags: { '<k>': `"><svg onload=alert(1)>`, user: "o'brien & co" },
  });
  const { html, text } = renderAlertEmail(makeAlert({ groups: [planted], release: '<release>' }));

  it('escapes everything that comes from the alert', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).toContain(
      '&lt;img src=&quot;https://evil.example/x.png&quot; onerror=&#39;steal()&#39;&gt; password=[Filtered] &amp; more',
    );
    expect(html).toContain('&lt;b&gt;chargeCard&lt;/b&gt;');
    expect(html).toContain('&lt;k&gt;=&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('o&#39;brien &amp; co');
    expect(html).toContain('&lt;release&gt;');
    for (const raw of ['<script', '<img', '<svg', '<b>', '<k>', '<release>', `o'brien`]) {
      expect(html).not.toContain(raw);
    }
  });

  it('keeps the raw text in the text body', () => {
    expect(text).toContain(`<script>alert("pwned")</script> & 'quotes'`);
  });

  it('loads nothing from anywhere', () => {
    const { html: plain } = renderAlertEmail(makeAlert());
    expect(plain).not.toMatch(/<(img|link|script|iframe|object|embed|style|video|audio|source)\b/i);
    expect(plain).not.toMatch(/\bsrc=|url\(|@import/i);
    const urls = plain.match(/https?:\/\/[^"<\s]+/g) ?? [];
    expect(urls).toEqual(['https://acme.sentry.io/issues/?query=9f1c3a7b2d4e4f6a8b0c1d2e3f4a5b6c']);
  });

  it('links only http(s) issue URLs, escaped', () => {
    const script = renderAlertEmail(makeAlert({ groups: [makeGroup({ issueUrl: 'javascript:alert(1)' })] }));
    expect(script.html).not.toContain('javascript:');
    expect(script.text).not.toContain('javascript:');
    const quoted = renderAlertEmail(
      makeAlert({ groups: [makeGroup({ issueUrl: `https://x.test/?q="><b>'` })] }),
    );
    expect(quoted.html).toContain('href="https://x.test/?q=%22%3E%3Cb%3E%27"');
    const ampersand = renderAlertEmail(
      makeAlert({ groups: [makeGroup({ issueUrl: 'https://x.test/?a=1&b=2' })] }),
    );
    expect(ampersand.html).toContain('href="https://x.test/?a=1&amp;b=2"');
  });

  it('marks resolved alerts green and firing ones by level', () => {
    expect(renderAlertEmail(makeAlert({ status: 'resolved' })).html).toContain('#1a7f37');
    expect(renderAlertEmail(makeAlert()).html).toContain('#d1242f');
    const warning = renderAlertEmail(makeAlert({ groups: [makeGroup({ level: 'warning' })] }));
    expect(warning.html).toContain('#bf8700');
  });
});
