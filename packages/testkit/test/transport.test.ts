import { serializeEnvelope } from '@sentry/core';
import type { NodeOptions } from '@sentry/node';
import type { NodeOptions as NodeOptionsV10 } from '@sentry/node-v10';
import { describe, expect, it } from 'vitest';
import { createTestTransport } from '../src/index.js';
import { envelopeOf, transportOptions as options } from './support/envelopes.js';

const eventEnvelope = (message: string) =>
  envelopeOf(
    [
      [
        { type: 'event' },
        { event_id: 'a'.repeat(32), message, breadcrumbs: [{ message: `before ${message}` }] },
      ],
    ],
    { event_id: 'a'.repeat(32), sent_at: '2026-01-01T00:00:00.000Z' },
  );

describe('createTestTransport', () => {
  it('records the serialized text and the envelope parsed back from it, and answers 200', async () => {
    const kit = createTestTransport();
    const transport = kit.transport(options);
    const envelope = eventEnvelope('hello');

    await expect(transport.send(envelope)).resolves.toEqual({ statusCode: 200 });
    await expect(transport.flush(100)).resolves.toBe(true);

    expect(kit.envelopes).toHaveLength(1);
    expect(kit.envelopes[0]?.raw).toBe(serializeEnvelope(envelope));
    expect(kit.envelopes[0]?.header).toEqual({
      event_id: 'a'.repeat(32),
      sent_at: '2026-01-01T00:00:00.000Z',
    });
    expect(kit.events()).toEqual([expect.objectContaining({ message: 'hello' })]);
    expect(kit.breadcrumbs()).toEqual([{ message: 'before hello' }]);
  });

  it('shows the wire form, not the objects the SDK built', async () => {
    const kit = createTestTransport();
    const payload = { message: 'at', when: new Date('2026-01-01T00:00:00Z'), dropped: undefined };
    await kit.transport(options).send(envelopeOf([[{ type: 'event' }, payload]]));
    payload.message = 'changed after sending';
    expect(kit.events()).toEqual([{ message: 'at', when: '2026-01-01T00:00:00.000Z' }]);
  });

  it('reads binary items by their length, and keeps a text payload that is not JSON as text', async () => {
    const kit = createTestTransport();
    const bytes = new TextEncoder().encode('line one\nline two ünïcode');
    const envelope = envelopeOf(
      [
        [{ type: 'attachment', length: bytes.length, filename: 'notes.txt' }, bytes],
        [{ type: 'client_report' }, { discarded_events: [] }],
      ],
      { event_id: 'b'.repeat(32) },
    );
    await kit.transport(options).send(envelope);
    expect(kit.items('attachment')).toEqual(['line one\nline two ünïcode']);
    expect(kit.items('client_report')).toEqual([{ discarded_events: [] }]);
    expect(kit.envelopes[0]?.items[0]?.header).toEqual({
      type: 'attachment',
      length: bytes.length,
      filename: 'notes.txt',
    });
  });

  it('records for every client that uses the factory, and forgets on reset()', async () => {
    const kit = createTestTransport();
    await kit.transport(options).send(eventEnvelope('one'));
    await kit.transport(options).send(eventEnvelope('two'));
    const before = kit.envelopes;
    expect(kit.events().map((event) => event.message)).toEqual(['one', 'two']);
    kit.reset();
    expect(kit.envelopes).toEqual([]);
    expect(before).toHaveLength(2);
    expect(kit.events()).toEqual([]);
  });

  it('waitFor resolves when an envelope that satisfies the predicate arrives later', async () => {
    const kit = createTestTransport();
    const transport = kit.transport(options);
    const waiting = kit.waitFor((sent) => sent.events()[0]?.message === 'late');
    await transport.send(eventEnvelope('early'));
    kit.reset();
    setImmediate(() => transport.send(eventEnvelope('late')));
    const seen = await waiting;
    expect(seen.events().map((event) => event.message)).toEqual(['late']);
  });

  it('waitFor rejects after timeoutMs, saying what was recorded and what the predicate threw', async () => {
    const kit = createTestTransport();
    await kit.transport(options).send(eventEnvelope('only'));
    const error = await kit
      .waitFor((sent) => sent.events()[1]!.message === 'never', { timeoutMs: 20 })
      .catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^waitFor: the condition did not hold within 20 ms; 1 envelope/);
    expect((error as Error).message).toContain('items: event ×1');
    expect((error as Error).message).toMatch(/The condition last threw: .*undefined/);
    await expect(kit.waitFor(() => true, { timeoutMs: -1 })).rejects.toThrow(TypeError);
  });

  it('fits Sentry.init of @sentry/node 11 and 10 (checked by tsc)', () => {
    const kit = createTestTransport();
    const v11: NodeOptions = { dsn: 'https://public@127.0.0.1/1', transport: kit.transport };
    const v10: NodeOptionsV10 = { dsn: 'https://public@127.0.0.1/1', transport: kit.transport };
    expect(v11.transport).toBe(v10.transport);
  });
});
