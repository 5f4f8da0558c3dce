import { createScrubber } from '@faultline/scrub';
import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  bodySize,
  isControlFlow,
  isFinalAttempt,
  jobContext,
  receiveLatency,
  type SentryJob,
} from '../src/job.js';

function job(fields: Partial<SentryJob> & { discarded?: boolean } = {}): SentryJob {
  return {
    id: '7',
    name: 'charge',
    queueName: 'payments',
    data: {},
    opts: {},
    attemptsMade: 0,
    timestamp: Date.parse('2026-01-01T10:00:00.000Z'),
    processedOn: Date.parse('2026-01-01T10:00:01.000Z'),
    ...fields,
  } as SentryJob;
}

describe('isFinalAttempt', () => {
  it('is the last of `attempts` (BullMQ counts attemptsMade before the attempt)', () => {
    expect(isFinalAttempt(job({ opts: { attempts: 3 }, attemptsMade: 1 }), new Error('x'))).toBe(false);
    expect(isFinalAttempt(job({ opts: { attempts: 3 }, attemptsMade: 2 }), new Error('x'))).toBe(true);
  });

  it('is every attempt without attempts, or with 0 (what addBulk stores)', () => {
    expect(isFinalAttempt(job(), new Error('x'))).toBe(true);
    expect(isFinalAttempt(job({ opts: { attempts: 0 } }), new Error('x'))).toBe(true);
  });

  it('is an UnrecoverableError, or a discarded job, on any attempt', () => {
    const early = job({ opts: { attempts: 5 } });
    expect(isFinalAttempt(early, new UnrecoverableError('no'))).toBe(true);
    expect(isFinalAttempt({ ...early, discarded: true } as SentryJob, new Error('x'))).toBe(true);
  });
});

describe('isControlFlow', () => {
  it("is BullMQ's errors that move a job, not a failure", () => {
    expect(isControlFlow(new DelayedError())).toBe(true);
    expect(isControlFlow(new WaitingChildrenError())).toBe(true);
    expect(isControlFlow(new RateLimitError())).toBe(true);
    expect(isControlFlow(new UnrecoverableError())).toBe(false);
    expect(isControlFlow(new Error('bullmq:movedToDelayed'))).toBe(false);
    expect(isControlFlow('DelayedError')).toBe(false);
  });
});

describe('bodySize and receiveLatency', () => {
  it('measure the JSON bytes of the data, and nothing for data JSON cannot hold', () => {
    expect(bodySize({ name: 'zoë' })).toBe(Buffer.byteLength('{"name":"zoë"}'));
    expect(bodySize(undefined)).toBe(2);
    expect(bodySize({ big: 1n })).toBeUndefined();
  });

  it('measure from enqueue time, less the delay, never below 0', () => {
    const now = Date.now();
    const carrier = { 'sentry-trace': 't', enqueuedAt: now - 500 };
    expect(receiveLatency(job({ opts: { delay: 200 } }), carrier)).toBeGreaterThanOrEqual(300);
    expect(receiveLatency(job({ timestamp: now + 1_000 }), undefined)).toBe(0);
  });
});

describe('jobContext', () => {
  it('snapshots ids, attempts and times, and scrubs a copy of the data', () => {
    const data = { orderId: 'o-1', password: 'hunter2', nested: { apiKey: 'k' } };
    const current = job({ data, opts: { attempts: 3, delay: 50 }, attemptsMade: 1, repeatJobKey: 'nightly' });
    const context = jobContext(current, createScrubber());
    current.attemptsMade = 2; // BullMQ moves on after a failure; the context keeps the attempt
    expect(context()).toEqual({
      id: '7',
      name: 'charge',
      queue: 'payments',
      attempt: 2,
      attempts: 3,
      enqueued_at: '2026-01-01T10:00:00.000Z',
      processed_on: '2026-01-01T10:00:01.000Z',
      delay: 50,
      repeat_job_key: 'nightly',
      data: { orderId: 'o-1', password: '[Filtered]', nested: { apiKey: '[Filtered]' } },
    });
    expect(data).toEqual({ orderId: 'o-1', password: 'hunter2', nested: { apiKey: 'k' } });
  });

  it('leaves the data out without a scrubber', () => {
    expect(jobContext(job({ data: { a: 1 } }), undefined)()).not.toHaveProperty('data');
  });
});
