import { assertNoSecrets, type EnvelopeViews } from '@faultline/testkit';
import type { Event } from '@sentry/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../src/demo.js';
import { readMail } from '../src/stand-ins/mail-text.js';
import { RUN_TIMEOUT_MS, standInEnv } from './helpers.js';

function errorEvent(wire: EnvelopeViews, type: string, transaction: string): Event {
  const found = wire
    .events()
    .find((event) => event.exception?.values?.at(-1)?.type === type && event.transaction === transaction);
  if (!found) throw new Error(`no ${type} event in ${transaction}`);
  return found;
}

describe('pnpm demo, against the stand-ins, without Redis', () => {
  let result: DemoResult;
  let wire: EnvelopeViews;

  beforeAll(async () => {
    result = await runDemo({ packages: 'source', env: standInEnv(), redis: false });
    wire = result.wire!;
  }, RUN_TIMEOUT_MS);

  it('holds: every check passes', () => {
    expect(result.failures, result.report).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.mode).toBe('stand-ins');
  });

  it('sends no planted secret to Sentry, Slack or by email', () => {
    expect(result.secrets.length).toBeGreaterThanOrEqual(20);
    assertNoSecrets(wire, result.secrets);
    assertNoSecrets(result.slackPosts, result.secrets);
    assertNoSecrets(
      result.mails.map((mail) => ({ raw: mail.raw, ...readMail(mail.raw) })),
      result.secrets,
    );
  });

  it('keeps what is not secret: route names, methods, query and body fields, error types', () => {
    const segments = wire
      .spans()
      .filter((span) => span.isSegment)
      .map((span) => span.name);
    for (const route of [
      'POST /api/orders',
      'GET /api/shipping/quote',
      'POST /api/login',
      'POST /api/checkout',
    ])
      expect(segments).toContain(route);
    const order = errorEvent(wire, 'DatabaseError', 'POST /api/orders');
    expect(order.request?.method).toBe('POST');
    expect(order.request?.data).toMatchObject({ id: 'ord_1001', sku: 'GRINDER-01', quantity: 2 });
    const quote = errorEvent(wire, 'TypeError', 'GET /api/shipping/quote');
    expect(quote.request?.query_string).toBe('postcode=10115&api_key=[Filtered]');
    expect(quote.level).toBe('warning');
    const checkout = errorEvent(wire, 'PaymentDeclinedError', 'POST /api/checkout');
    expect(checkout.exception?.values?.at(-1)?.value).toBe(
      'Card [Filtered] declined for [Filtered]: do_not_honor',
    );
    // envelopes may arrive in any order: the user is the one of that event's order
    const orderId = (checkout.request?.data as { orderId?: string } | undefined)?.orderId;
    expect(checkout.request?.data).toMatchObject({
      orderId: expect.stringMatching(/^ord_200\d$/),
      amountCents: 4990,
    });
    expect(checkout.user).toEqual({ id: `customer-${orderId}`, email: '[Filtered]', ip_address: null });
  });

  it('groups each failure by its rule', () => {
    const fingerprint = (type: string, transaction: string) =>
      errorEvent(wire, type, transaction).fingerprint;
    expect(fingerprint('DatabaseError', 'POST /api/orders')).toEqual([
      'database',
      'postgres',
      'INSERT',
      '23505',
    ]);
    expect(fingerprint('UnauthorizedError', 'GET /api/admin/reports')).toEqual([
      'auth',
      'UnauthorizedError',
      'checkAdminToken',
    ]);
    expect(fingerprint('RateLimitError', 'POST /api/login')).toEqual(['rate-limit', 'POST /api/login']);
    expect(fingerprint('TypeError', 'GET /api/shipping/quote')).toEqual([
      'external-service',
      'shipping-api',
      'ECONNREFUSED',
    ]);
    expect(fingerprint('ValidationError', 'POST /api/signup')).toEqual([
      'validation',
      'ValidationError',
      'validateSignup',
    ]);
    expect(fingerprint('PaymentDeclinedError', 'POST /api/checkout')).toBeUndefined();
  });

  it('explains each grouping, from the server', () => {
    const database = result.explanations.find((each) => each.type === 'DatabaseError');
    expect(database?.rule).toBe('database');
    expect(database?.steps.at(-1)?.reason).toContain('postgres');
    const declines = result.explanations.filter((each) => each.type === 'PaymentDeclinedError');
    expect(declines).toHaveLength(6);
    expect(declines[0]?.rule).toBeUndefined();
  });

  it('sends exactly one burst alert to Slack and one email, about the declines', () => {
    expect(result.slackPosts).toHaveLength(1);
    expect(result.slackPosts[0]?.path).toBe('/services/T000/B000/XXXX');
    expect(JSON.stringify(result.slackPosts[0]?.body)).toContain('PaymentDeclinedError');
    expect(result.mails).toHaveLength(1);
    expect(result.mails[0]?.to).toEqual(['oncall@example.com']);
    expect(readMail(result.mails[0]!.raw).subject).toBe('[demo] 6× PaymentDeclinedError in chargeCard');
  });

  it('reports every planted secret as not found, without printing one', () => {
    const lines = result.report.split('\n');
    for (const secret of result.secrets) {
      expect(lines.some((line) => line.includes('not found') && line.includes(` ${secret.name} (`))).toBe(
        true,
      );
    }
    assertNoSecrets(result.report, result.secrets);
    expect(lines.length).toBeLessThanOrEqual(80);
    expect(result.report).toContain('Redis part skipped');
    expect(lines.at(-1)).toMatch(/^PASS/);
  });
});
