import { describe, expect, it } from 'vitest';
import type { SpanView } from '../src/index.js';
import { lastJsonLine, runToEnd, scenario, sourceNodeArguments } from './support/node-process.js';

interface Report {
  flushed: boolean;
  sdkVersion: string;
  itemTypes: string[];
  rawIsWireText: boolean;
  events: Array<{ level: string; message?: string; value?: string }>;
  transactions: string[];
  spans: SpanView[];
  breadcrumbs: string[];
  logs: Array<{ body: string; level: string; orderId: unknown }>;
}

/** Each SDK scenario runs in its own process: `Sentry.init` is global. */
async function record(env: { SDK?: string; LIFECYCLE?: string }): Promise<Report> {
  const imports = env.SDK === 'node-v10' ? [scenario('core-v10.mjs')] : [];
  return lastJsonLine(await runToEnd(sourceNodeArguments(scenario('sdk-transport.mjs'), imports), { env }));
}

function expectCapturedViews(report: Report): void {
  expect(report.flushed).toBe(true);
  expect(report.rawIsWireText).toBe(true);
  expect(report.events).toHaveLength(2);
  expect(report.events).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ level: 'error', value: 'payment failed' }),
      expect.objectContaining({ level: 'warning', message: 'nightly export finished' }),
    ]),
  );
  expect(report.spans).toHaveLength(2);
  const root = report.spans.find((span) => span.isSegment);
  const child = report.spans.find((span) => !span.isSegment);
  expect(root).toMatchObject({ name: 'checkout', op: 'function', isSegment: true, status: 'ok' });
  expect(root?.attributes['order.id']).toBe('ord-1');
  expect(child).toMatchObject({
    name: 'SELECT orders',
    op: 'db.query',
    isSegment: false,
    status: 'error',
    parentSpanId: root?.spanId,
    traceId: root?.traceId,
  });
  expect(child?.attributes['db.system']).toBe('postgresql');
  expect(child?.spanId).toMatch(/^[0-9a-f]{16}$/);
  expect(root?.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(root?.endTimestamp).toBeGreaterThanOrEqual(root?.startTimestamp ?? Number.POSITIVE_INFINITY);
  expect(report.breadcrumbs.length).toBeGreaterThanOrEqual(2);
  expect(new Set(report.breadcrumbs)).toEqual(new Set(['signed in']));
  expect(report.logs).toEqual([
    { body: 'order shipped', level: 'info', orderId: { value: 'ord-1', type: 'string' } },
  ]);
}

describe('createTestTransport with the real SDKs', () => {
  it('@sentry/node 11, streamed spans: span items become SpanViews, logs and events are read back', async () => {
    const report = await record({});
    expect(report.sdkVersion).toMatch(/^11\./);
    expect(report.itemTypes).toEqual(['event', 'log', 'span']);
    expect(report.transactions).toEqual([]);
    expectCapturedViews(report);
  });

  it("@sentry/node 11, traceLifecycle 'static': the transaction's root and child spans", async () => {
    const report = await record({ LIFECYCLE: 'static' });
    expect(report.sdkVersion).toMatch(/^11\./);
    expect(report.itemTypes).toEqual(['event', 'log', 'transaction']);
    expect(report.transactions).toEqual(['checkout']);
    expectCapturedViews(report);
  });

  it('@sentry/node 10 with @sentry/core 10: transactions, spans, logs and events', async () => {
    const report = await record({ SDK: 'node-v10' });
    expect(report.sdkVersion).toMatch(/^10\./);
    expect(report.itemTypes).toEqual(['event', 'log', 'transaction']);
    expect(report.transactions).toEqual(['checkout']);
    expectCapturedViews(report);
  });
});
