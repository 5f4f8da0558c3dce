import { readFileSync } from 'node:fs';
import type { Event, StreamedSpanJSON } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

const F = '[Filtered]';
type Json = Record<string, unknown>;

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Every leaf that differs between `before` and `after`, by dotted path. */
function changedLeaves(
  before: unknown,
  after: unknown,
  path = '',
): Array<{ path: string; before: unknown; after: unknown }> {
  if (typeof before === 'object' && before !== null && typeof after === 'object' && after !== null) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      changedLeaves((before as Json)[key], (after as Json)[key], path ? `${path}.${key}` : key),
    );
  }
  return Object.is(before, after) ? [] : [{ path, before, after }];
}

const EXPRESS_ERROR_SECRETS = [
  '4111 1111 1111 1111',
  '4111111111111111',
  'jane.doe@example.com',
  '203.0.113.7',
  'hunter2',
  'abc123',
  '078-05-1120',
  'tok_live_9aF3kQ2mZx',
  's3cr3tDbPass',
];
const usersOfLargeError = Array.from({ length: 100 }, (_, i) => [
  `user${i}@example.org`,
  `10.0.${i}.1`,
  `at_${i}xyz`,
]);
const LARGE_ERROR_SECRETS = [
  ...usersOfLargeError.flat(),
  's3cr3tDbPass',
  '078-05-1120',
  'DE89370400440532013000',
  'jane.doe%40example.com',
  'sk_live_51H8xyzABCDEF',
  '10.0.0.5',
];

describe('scrubEvent on express-error.json', () => {
  const original = fixture<Event>('express-error.json');
  const event = fixture<Event>('express-error.json');
  const result = createScrubber().scrubEvent(event)!;
  const json = JSON.stringify(result);

  it('scrubs the event in place', () => {
    expect(result).toBe(event);
  });

  it.each(EXPRESS_ERROR_SECRETS)('removes the planted secret %s', (secret) => {
    expect(json).not.toContain(secret);
  });

  it('filters the request body (JSON in a string) field by field, CVV included', () => {
    expect(JSON.parse(result.request!.data as string)).toEqual({
      card: F,
      cvv: F,
      password: F,
      ssn: F,
      note: 'hello',
    });
  });

  it('keeps what the SDK already filtered as it is', () => {
    expect(result.request!.headers).toMatchObject({ authorization: F, cookie: F, 'x-api-key': F });
    expect(result.request!.cookies).toEqual({ sessionid: F, csrftoken: F });
    expect(result.request!.query_string).toBe('api_key=[Filtered]&page=2');
  });

  it('keeps user.id, filters user.email, and nulls user.ip_address', () => {
    expect(result.user).toMatchObject({ id: '42', email: F, ip_address: null });
  });

  it('keeps the non-secrets: ids, timestamps, transaction, routes, stack frames', () => {
    expect(result.event_id).toBe('83c5111cb6c84b1aa64d48295fa82c9e');
    expect(result.contexts!.trace).toEqual(original.contexts!.trace);
    expect(result.timestamp).toBe(1796036581.81);
    expect(result.transaction).toBe('POST /api/users/:id/payment');
    expect(result.request!.url).toBe('http://127.0.0.1:42285/api/users/42/payment?api_key=[Filtered]&page=2');
    expect(result.request!.headers!['sentry-trace']).toBe(
      'fa67c51c2fbe4dc5b3588ee58184238d-b140ec0fbf35e862-1',
    );
    expect(result.request!.headers!.baggage).toBe(original.request!.headers!.baggage);
    expect(result.exception!.values![0]!.value).toBe(`Gateway declined card ${F} for ${F}`);
    expect(result.breadcrumbs![0]).toEqual({
      timestamp: 1796036581.808,
      category: 'auth',
      message: `login password=${F} for ${F}`,
      data: { token: F },
    });
    expect(result.modules).toEqual(original.modules);
    expect(result.sdk).toEqual(original.sdk);
  });

  it('changes nothing but values that held a secret, and only by filtering parts of them', () => {
    for (const change of changedLeaves(original, result)) {
      if (change.path === 'user.ip_address') continue;
      expect(
        EXPRESS_ERROR_SECRETS.some((secret) => String(change.before).includes(secret)),
        change.path,
      ).toBe(true);
      expect(String(change.after), change.path).toContain(F);
    }
  });
});

describe('scrubEvent on large-error.json', () => {
  const original = fixture<Event>('large-error.json');
  const result = createScrubber().scrubEvent(fixture<Event>('large-error.json'))!;
  const json = JSON.stringify(result);

  it('removes every planted secret', () => {
    const left = LARGE_ERROR_SECRETS.filter((secret) => json.includes(secret));
    expect(left).toEqual([]);
  });

  it('keeps the structure and the non-secrets of each breadcrumb', () => {
    expect(result.breadcrumbs).toHaveLength(100);
    result.breadcrumbs!.forEach((crumb, i) => {
      expect(crumb.message).toBe(`step ${i} user=${F} ip=${F} ok`);
      expect(crumb.timestamp).toBe(original.breadcrumbs![i]!.timestamp);
      if (crumb.category === 'http')
        expect(crumb.data).toEqual({
          url: `https://api.example.com/v1/orders/${i}?access_token=${F}`,
          method: 'GET',
          status_code: 200,
        });
      else expect(crumb.data).toEqual(original.breadcrumbs![i]!.data);
    });
  });

  it('filters the password of the connection string but keeps its host', () => {
    expect((result.contexts!.db as Json).connection).toBe(`postgres://app:${F}@db.internal:5432/app`);
    expect((result.contexts!.db as Json).pool).toBe(10);
  });

  it('keeps the JSON string in extra valid, with only its secrets filtered', () => {
    const payload = JSON.parse((result.extra as Json).payload as string);
    const before = JSON.parse((original.extra as Json).payload as string);
    expect(payload).toEqual({ ...before, customer: { name: 'Jane', ssn: F, iban: F } });
  });

  it('keeps ids, timestamps, transaction and the query key', () => {
    expect(result.event_id).toBe(original.event_id);
    expect(result.contexts!.trace).toEqual(original.contexts!.trace);
    expect(result.timestamp).toBe(original.timestamp);
    expect(result.transaction).toBe('GET /api/report');
    expect(result.request!.query_string).toBe(`user=${F}`);
    expect(result.request!.url).toBe(`http://127.0.0.1:42285/api/report?user=${F}`);
    expect(result.user).toEqual({ ip_address: null });
  });

  it('changes nothing but values that held a secret', () => {
    for (const change of changedLeaves(original, result)) {
      if (change.path === 'user.ip_address') continue;
      expect(
        LARGE_ERROR_SECRETS.some((secret) => String(change.before).includes(secret)),
        change.path,
      ).toBe(true);
    }
  });
});

describe('scrubSpan on express-spans.json (streamed spans)', () => {
  const original = fixture<StreamedSpanJSON[]>('express-spans.json');
  const scrubber = createScrubber();
  const spans = fixture<StreamedSpanJSON[]>('express-spans.json').map((span) => scrubber.scrubSpan(span));

  it('removes the email from url.full and url.query', () => {
    expect(JSON.stringify(spans)).not.toContain('jane.doe');
    const server = spans.find((span) => span.name === 'GET /api/orders/:id')!;
    expect(server.attributes!['url.full']).toBe(
      `http://127.0.0.1:39573/api/orders/9?access_token=${F}&email=${F}`,
    );
    expect(server.attributes!['url.query']).toBe(`access_token=${F}&email=${F}`);
  });

  it('changes nothing else: ids, names, routes, loopback addresses, timings', () => {
    const changes = spans.flatMap((span, i) => changedLeaves(original[i], span));
    expect(changes.map((change) => change.path).sort()).toEqual(
      ['attributes.url.full', 'attributes.url.full', 'attributes.url.query', 'attributes.url.query'].sort(),
    );
  });
});
