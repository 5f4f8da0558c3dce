import { describe, expect, it } from 'vitest';
import { createTestTransport } from '../src/index.js';
import { send } from './support/envelopes.js';

const recordItems = (items: Parameters<typeof send>[1]) => send(createTestTransport(), items);

describe('the views', () => {
  it('spans(): a transaction without child spans, its parent span, and a non-ok status as error', async () => {
    const kit = await recordItems([
      [
        { type: 'transaction' },
        {
          transaction: 'GET /users/:id',
          start_timestamp: 1,
          timestamp: 2,
          contexts: {
            trace: { trace_id: 't'.repeat(32), span_id: 's1', parent_span_id: 'p0', status: 'not_found' },
          },
        },
      ],
    ]);
    expect(kit.spans()).toEqual([
      {
        name: 'GET /users/:id',
        op: undefined,
        traceId: 't'.repeat(32),
        spanId: 's1',
        parentSpanId: 'p0',
        isSegment: true,
        status: 'error',
        attributes: {},
        startTimestamp: 1,
        endTimestamp: 2,
      },
    ]);
  });

  it('spans(): streamed attributes unwrapped, in a container or as a single span', async () => {
    const span = {
      name: 'queue.process',
      trace_id: 't'.repeat(32),
      span_id: 's2',
      is_segment: false,
      status: 'ok',
      start_timestamp: 3,
      end_timestamp: 4,
      attributes: {
        'sentry.op': { value: 'queue.process', type: 'string' },
        'messaging.retry.count': { value: 2, type: 'integer' },
      },
    };
    const kit = await recordItems([
      [
        { type: 'span', item_count: 1 },
        { version: 2, items: [span] },
      ],
      [{ type: 'span' }, { ...span, span_id: 's3' }],
    ]);
    expect(
      kit
        .spans()
        .map(({ spanId, op, attributes, endTimestamp }) => ({ spanId, op, attributes, endTimestamp })),
    ).toEqual([
      {
        spanId: 's2',
        op: 'queue.process',
        attributes: { 'sentry.op': 'queue.process', 'messaging.retry.count': 2 },
        endTimestamp: 4,
      },
      {
        spanId: 's3',
        op: 'queue.process',
        attributes: { 'sentry.op': 'queue.process', 'messaging.retry.count': 2 },
        endTimestamp: 4,
      },
    ]);
  });

  it('breadcrumbs() of events and transactions, as arrays or { values }; logs() flattened; items() by type', async () => {
    const kit = await recordItems([
      [{ type: 'event' }, { breadcrumbs: { values: [{ message: 'legacy' }] } }],
      [{ type: 'transaction' }, { breadcrumbs: [{ message: 'in a transaction' }] }],
      [{ type: 'log', item_count: 2 }, { items: [{ body: 'one' }, { body: 'two' }] }],
      [{ type: 'session' }, { status: 'ok' }],
    ]);
    expect(kit.breadcrumbs()).toEqual([{ message: 'legacy' }, { message: 'in a transaction' }]);
    expect(kit.logs().map((log) => log.body)).toEqual(['one', 'two']);
    expect(kit.items('session')).toEqual([{ status: 'ok' }]);
    expect(kit.items('profile')).toEqual([]);
  });
});
