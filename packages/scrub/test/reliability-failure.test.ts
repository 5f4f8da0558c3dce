import type { Event, StreamedSpanJSON } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { createScrubber, type ScrubOptions } from '../src/index.js';

const F = '[Filtered]';
const EVENT_ID = 'fa67c51c2fbe4dc5b3588ee58184238d';
const SECRETS = ['jane.doe@example.com', '4111 1111 1111 1111', 'hunter2', '203.0.113.7', 's3cr3tDbPass'];

/** An error event with a secret in every free-form field. */
function leakyEvent(overrides: Partial<Event> = {}): Event {
  return {
    event_id: EVENT_ID,
    level: 'warning',
    timestamp: 1796036581.81,
    platform: 'node',
    environment: 'production',
    release: 'api@1.2.3',
    message: 'charge failed for jane.doe@example.com',
    exception: { values: [{ type: 'PaymentError', value: 'card 4111 1111 1111 1111 declined' }] },
    contexts: {
      trace: { trace_id: EVENT_ID, span_id: 'bef8378955e9e5c8' },
      db: { connection: 'postgres://app:s3cr3tDbPass@db.internal/app' },
    },
    user: { email: 'jane.doe@example.com', ip_address: '203.0.113.7' },
    extra: { password: 'hunter2' },
    breadcrumbs: [{ message: 'login password=hunter2' }],
    ...overrides,
  };
}

const throwingFinding: ScrubOptions = {
  onFinding: () => {
    throw new Error('report sink is down');
  },
};
const throwingPseudonym: ScrubOptions = {
  pseudonymize: () => {
    throw new Error('no key');
  },
};

function expectNoSecret(value: unknown): void {
  const json = JSON.stringify(value);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
}

describe('scrubEvent fails closed', () => {
  it.each([
    ['onFinding throws', throwingFinding],
    ['pseudonymize throws', throwingPseudonym],
  ])('returns a minimal event without secrets when %s', (_, options) => {
    const result = createScrubber(options).scrubEvent(leakyEvent())!;
    expect(result).not.toBeNull();
    expectNoSecret(result);
    expect(result.event_id).toBe(EVENT_ID);
    expect(result.level).toBe('warning');
    expect(result.timestamp).toBe(1796036581.81);
    expect(result.release).toBe('api@1.2.3');
    expect(result.exception!.values![0]!.type).toBe('PaymentError');
    expect(result.contexts!.trace).toEqual({ trace_id: EVENT_ID, span_id: 'bef8378955e9e5c8' });
    expect(result.tags).toEqual({ 'faultline.scrub': 'failed' });
  });

  it('defaults the level of the minimal event to error', () => {
    const result = createScrubber(throwingFinding).scrubEvent(leakyEvent({ level: undefined }))!;
    expect(result.level).toBe('error');
  });

  it('keeps no field of the minimal event that holds a secret, however safe its shape', () => {
    const event = leakyEvent({
      release: 'https://deploy:s3cr3tDbPass@git.example.com/app',
      environment: 'jane.doe@example.com',
      exception: { values: [{ type: 'jane.doe@example.com', value: 'x' }] },
    });
    expectNoSecret(createScrubber(throwingFinding).scrubEvent(event));
  });

  it("returns null with onFailure: 'drop'", () => {
    expect(createScrubber({ ...throwingFinding, onFailure: 'drop' }).scrubEvent(leakyEvent())).toBeNull();
  });

  it('always drops a transaction that cannot be scrubbed', () => {
    const transaction = leakyEvent({ type: 'transaction', transaction: 'GET /api/users/:id' });
    expect(createScrubber(throwingFinding).scrubEvent(transaction)).toBeNull();
    expect(createScrubber({ ...throwingFinding, onFailure: 'minimal' }).scrubEvent(transaction)).toBeNull();
  });

  it('recovers for the next event after a failure', () => {
    let calls = 0;
    const scrubber = createScrubber({
      onFinding: () => {
        if (++calls === 1) throw new Error('once');
      },
    });
    expect(scrubber.scrubEvent(leakyEvent())!.message).toMatch(/withheld/);
    const next = scrubber.scrubEvent(leakyEvent())!;
    expect(next.message).toBe(`charge failed for ${F}`);
    expect(next.extra).toEqual({ password: F });
  });

  it('does not throw on events that are not objects', () => {
    const scrubber = createScrubber();
    for (const event of [null, undefined, 42, 'text', []])
      expect(() => scrubber.scrubEvent(event as unknown as Event)).not.toThrow();
  });
});

describe('the other methods fail closed too', () => {
  const scrubber = createScrubber(throwingFinding);

  it('scrubBreadcrumb returns null', () => {
    expect(scrubber.scrubBreadcrumb({ message: 'login password=hunter2' })).toBeNull();
  });

  it('scrubLog returns null', () => {
    expect(scrubber.scrubLog({ level: 'info', message: 'mail jane.doe@example.com' })).toBeNull();
  });

  it('scrubValue returns the replacement', () => {
    expect(scrubber.scrubValue({ password: 'hunter2' })).toBe(F);
    expect(
      createScrubber({ ...throwingFinding, replacement: '***' }).scrubValue({ password: 'hunter2' }),
    ).toBe('***');
  });

  it('scrubString returns the replacement', () => {
    expect(scrubber.scrubString('mail jane.doe@example.com')).toBe(F);
  });

  it('scrubSpan keeps only ids, timings, op and status', () => {
    const span = {
      span_id: 'bef8378955e9e5c8',
      trace_id: EVENT_ID,
      parent_span_id: '8e6627648a375842',
      name: 'GET /api/users/jane.doe@example.com',
      start_timestamp: 1,
      end_timestamp: 2,
      is_segment: true,
      status: 'ok',
      attributes: { 'user.email': 'jane.doe@example.com', 'sentry.op': 'http.server' },
    } as unknown as StreamedSpanJSON;
    const result = scrubber.scrubSpan(span);
    expectNoSecret(result);
    expect(result).toMatchObject({
      span_id: 'bef8378955e9e5c8',
      trace_id: EVENT_ID,
      parent_span_id: '8e6627648a375842',
      start_timestamp: 1,
      end_timestamp: 2,
      status: 'ok',
      name: F,
      attributes: {},
    });
  });

  it('never throws when scrubbing succeeds either, for any method given odd input', () => {
    const plain = createScrubber();
    const odd = [null, undefined, 0, '', 'x', [], {}, Symbol('s'), 10n, () => 1];
    for (const input of odd) {
      expect(() => plain.scrubValue(input)).not.toThrow();
      expect(() => plain.scrubString(input as unknown as string)).not.toThrow();
      expect(() => plain.scrubBreadcrumb(input as never)).not.toThrow();
      expect(() => plain.scrubLog(input as never)).not.toThrow();
      expect(() => plain.scrubSpan(input as never)).not.toThrow();
    }
  });
});
