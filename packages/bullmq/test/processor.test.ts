/** The wrapper itself, without a Sentry client: it must change nothing about what BullMQ sees. */
import type { Job, Worker } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { withSentry } from '../src/index.js';

const job = { id: '1', name: 'charge', queueName: 'payments', data: {}, opts: {}, attemptsMade: 0 } as Job;

describe('withSentry', () => {
  it("returns the processor's result, and rethrows its very error", async () => {
    expect(await withSentry(async (current: Job) => current.name)(job)).toBe('charge');
    const failure = new TypeError('declined');
    await expect(
      withSentry(async () => {
        throw failure;
      })(job),
    ).rejects.toBe(failure);
  });

  it('passes token and signal, and keeps the arity BullMQ reads to decide whether to pass a signal', async () => {
    const withSignal = withSentry(async (_job: Job, token?: string, signal?: AbortSignal) => [token, signal]);
    const signal = new AbortController().signal;
    expect(withSignal.length).toBe(3);
    expect(await withSignal(job, 'token-1', signal)).toEqual(['token-1', signal]);
    expect(withSentry(async (_job: Job) => undefined).length).toBe(1);
  });
});

/** What `new Worker(name, processor)` accepts, for a worker of `{ to: string }` jobs returning strings. */
type WorkerProcessor = ConstructorParameters<typeof Worker<{ to: string }, string>>[1];

describe('withSentry types', () => {
  it('fit what new Worker() takes, with or without a job type', () => {
    const typed: WorkerProcessor = withSentry(async (current: Job<{ to: string }>) => current.data.to);
    const inferred: WorkerProcessor = withSentry(async (current) => String(current.data));
    expect([typeof typed, typeof inferred]).toEqual(['function', 'function']);
  });
});
