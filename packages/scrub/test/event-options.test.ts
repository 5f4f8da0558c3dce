import { readFileSync } from 'node:fs';
import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { createPseudonymizer, createScrubber, type Finding } from '../src/index.js';

const F = '[Filtered]';
const KEY = 'a-stable-secret-key-of-32-chars!';

function fixture(name: string): Event {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8')) as Event;
}

describe('pseudonymize', () => {
  const pseudonymize = createPseudonymizer(KEY);
  const scrubber = createScrubber({ pseudonymize });

  it('maps the same email to the same id, and different emails to different ids', () => {
    const withEmail = (email: string): Event => ({ user: { email } });
    const a = scrubber.scrubEvent(withEmail('jane.doe@example.com'))!;
    const b = scrubber.scrubEvent(withEmail('jane.doe@example.com'))!;
    const c = scrubber.scrubEvent(withEmail('john.roe@example.com'))!;
    expect(a.user!.id).toMatch(/^anon:[0-9a-f]{20}$/);
    expect(a.user!.id).toBe(b.user!.id);
    expect(c.user!.id).not.toBe(a.user!.id);
    expect(a.user!.email).toBe(F);
    expect(JSON.stringify(a)).not.toContain('jane');
  });

  it('ignores case and surrounding spaces of the email', () => {
    expect(pseudonymize(' Jane.Doe@Example.com ')).toBe(pseudonymize('jane.doe@example.com'));
  });

  it('depends on the key', () => {
    expect(createPseudonymizer(`${KEY}x`)('jane.doe@example.com')).not.toBe(
      pseudonymize('jane.doe@example.com'),
    );
  });

  it('uses the IP address when there is no email, and nulls the address', () => {
    const result = scrubber.scrubEvent({ user: { ip_address: '203.0.113.7' } })!;
    expect(result.user).toEqual({ id: pseudonymize('203.0.113.7'), ip_address: null });
  });

  it('sets the id only when it is missing', () => {
    const result = scrubber.scrubEvent({ user: { id: '42', email: 'jane.doe@example.com' } })!;
    expect(result.user).toEqual({ id: '42', email: F });
    const fromNull = scrubber.scrubEvent({
      user: { id: null, email: 'jane.doe@example.com' },
    } as unknown as Event)!;
    expect(fromNull.user!.id).toBe(pseudonymize('jane.doe@example.com'));
  });

  it('leaves a user with neither email nor IP without an id', () => {
    expect(scrubber.scrubEvent({ user: { username: 'jdoe' } })!.user).toEqual({ username: 'jdoe' });
  });

  it('refuses a short key', () => {
    expect(() => createPseudonymizer('short')).toThrow(TypeError);
  });
});

describe('allowPaths', () => {
  const email = 'jane.doe@example.com';

  it('leaves an exact path untouched', () => {
    const scrubber = createScrubber({ allowPaths: ['request.headers.x-request-id'] });
    const result = scrubber.scrubEvent({
      request: { headers: { 'x-request-id': email, 'x-other': email } },
    })!;
    expect(result.request!.headers).toEqual({ 'x-request-id': email, 'x-other': F });
  });

  it('* matches exactly one segment', () => {
    const scrubber = createScrubber({ allowPaths: ['extra.*.id'] });
    const result = scrubber.scrubEvent({
      extra: { a: { id: email, other: email }, b: { c: { id: email } }, id: email },
    })!;
    expect(result.extra).toEqual({ a: { id: email, other: F }, b: { c: { id: F } }, id: F });
  });

  it('** matches any number of segments, none included', () => {
    const scrubber = createScrubber({ allowPaths: ['contexts.**.note'] });
    const result = scrubber.scrubEvent({
      contexts: { note: email, a: { b: { c: { note: email, other: email } } }, x: { password: 'hunter2' } },
    } as unknown as Event)!;
    expect(result.contexts).toEqual({
      note: email,
      a: { b: { c: { note: email, other: F } } },
      x: { password: F },
    });
  });

  it('covers a whole subtree, sensitive keys included', () => {
    const scrubber = createScrubber({ allowPaths: ['extra.debug'] });
    const result = scrubber.scrubEvent({ extra: { debug: { password: 'hunter2' }, password: 'hunter2' } })!;
    expect(result.extra).toEqual({ debug: { password: 'hunter2' }, password: F });
  });
});

describe('onFinding', () => {
  function findingsOf(event: Event): Finding[] {
    const findings: Finding[] = [];
    createScrubber({ onFinding: (finding) => findings.push(finding) }).scrubEvent(event);
    return findings;
  }

  it('reports the dotted path and the rule of each filtered value', () => {
    const findings = findingsOf({
      request: { headers: { authorization: 'Bearer abc', 'x-forwarded-for': '203.0.113.7' } },
      extra: { list: ['jane.doe@example.com'] },
      breadcrumbs: [{ message: 'card 4111111111111111' }],
    });
    expect(findings).toEqual(
      expect.arrayContaining([
        { path: 'request.headers.authorization', rule: 'key' },
        { path: 'request.headers.x-forwarded-for', rule: 'ipv4' },
        { path: 'extra.list.0', rule: 'email' },
        { path: 'breadcrumbs.0.message', rule: 'card' },
      ]),
    );
    expect(findings).toHaveLength(4);
  });

  it('reports custom patterns by name and depth cut-offs', () => {
    const findings: Finding[] = [];
    const scrubber = createScrubber({
      patterns: [{ name: 'employee-id', pattern: /EMP-\d{6}/ }],
      maxDepth: 3,
      onFinding: (finding) => findings.push(finding),
    });
    scrubber.scrubValue({ a: 'by EMP-123456', b: { c: { d: { e: 1 } } } });
    expect(findings).toEqual([
      { path: 'a', rule: 'employee-id' },
      { path: 'b.c.d', rule: 'depth' },
    ]);
  });

  it('reports user.email and user.ip_address at their own paths', () => {
    const findings = findingsOf({
      user: { id: '1', email: 'jane.doe@example.com', ip_address: '203.0.113.7' },
    });
    expect(findings.map((finding) => finding.path).sort()).toEqual(['user.email', 'user.ip_address']);
  });

  it('reports the secrets of a real event, inside JSON strings too', () => {
    const findings = findingsOf(fixture('express-error.json'));
    const paths = findings.map((finding) => finding.path);
    expect(paths).toEqual(
      expect.arrayContaining(['exception.values.0.value', 'breadcrumbs.0.data.token', 'request.data.cvv']),
    );
  });
});

describe('detectors option', () => {
  it('{ email: false } keeps emails but nothing else changes', () => {
    const scrubber = createScrubber({ detectors: { email: false } });
    expect(scrubber.scrubString('mail jane.doe@example.com card 4111 1111 1111 1111')).toBe(
      `mail jane.doe@example.com card ${F}`,
    );
    expect(scrubber.scrubEvent({ extra: { contact: 'jane.doe@example.com', password: 'x' } })!.extra).toEqual(
      {
        contact: 'jane.doe@example.com',
        password: F,
      },
    );
  });

  it('{ email: false } still filters user.email, which goes whatever it holds', () => {
    const scrubber = createScrubber({ detectors: { email: false } });
    expect(scrubber.scrubEvent({ user: { email: 'jane.doe@example.com' } })!.user).toEqual({ email: F });
  });

  it('{ ipv4: true } keeps the detector on', () => {
    expect(createScrubber({ detectors: { ipv4: true } }).scrubString('from 203.0.113.7')).toBe(`from ${F}`);
  });
});

describe('patterns option', () => {
  const scrubber = createScrubber({ patterns: [/EMP-\d{6}/, { name: 'order', pattern: /ORD-[A-Z]{4}/g }] });

  it('filters every match of each pattern, with or without the g flag', () => {
    expect(scrubber.scrubString('EMP-123456 and EMP-654321 placed ORD-ABCD and ORD-WXYZ')).toBe(
      `${F} and ${F} placed ${F} and ${F}`,
    );
  });

  it('runs in every string of an event, and again on later calls', () => {
    for (let round = 0; round < 3; round++)
      expect(scrubber.scrubEvent({ message: 'by EMP-123456', extra: { who: 'EMP-000001' } })).toEqual({
        message: `by ${F}`,
        extra: { who: F },
      });
  });

  it('runs on every string, short ones included', () => {
    const pin = createScrubber({ patterns: [{ name: 'pin', pattern: /^\d{4}$/ }] });
    expect(pin.scrubValue({ code: '4921', note: 'ok' })).toEqual({ code: F, note: 'ok' });
  });
});

describe('replacement option', () => {
  const scrubber = createScrubber({ replacement: '***' });

  it('is used by keys, detectors and user fields', () => {
    expect(
      scrubber.scrubEvent({
        message: 'mail jane.doe@example.com',
        extra: { password: 'hunter2', note: 'password=hunter2' },
        user: { email: 'jane.doe@example.com' },
      }),
    ).toEqual({
      message: 'mail ***',
      extra: { password: '***', note: 'password=***' },
      user: { email: '***' },
    });
  });

  it('is idempotent with a custom replacement', () => {
    const once = scrubber.scrubString('password=hunter2 and Bearer abcdef123456 card 4111111111111111');
    expect(scrubber.scrubString(once)).toBe(once);
  });

  it('allows dollar signs literally', () => {
    expect(createScrubber({ replacement: '$&$1' }).scrubString('mail jane.doe@example.com')).toBe(
      'mail $&$1',
    );
  });
});
