import { type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import type { Event } from '@sentry/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from './e2e/run.js';

const INCOMING_TRACE = '0af7651916cd43dd8448eb211c80319c';

let receiver: LoopbackReceiver;
beforeAll(async () => {
  receiver = await startLoopbackReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

async function leanApp(rate: string) {
  const { report, code, stderr } = await run('lean-app.mjs', {
    env: { SENTRY_DSN: receiver.dsn, SENTRY_TRACES_SAMPLE_RATE: rate },
  });
  expect(code, stderr).toBe(0);
  expect(report.closed).toBe(true);
  return report as {
    integrations: string[];
    downstream: Array<{ sentryTrace?: string; baggage?: string }>;
  };
}

const byMessage = (events: Event[], text: string) =>
  events.find((event) => event.exception?.values?.[0]?.value === text);

describe("lean mode (init({ mode: 'lean' }) with @faultline/express)", () => {
  it('runs without the HTTP server and Express instrumentation, keeping outgoing HTTP', async () => {
    const { integrations } = await leanApp('0');
    expect(integrations).not.toContain('Http');
    expect(integrations).not.toContain('Express');
    expect(integrations).toEqual(
      expect.arrayContaining(['FaultlineOutgoingHttp', 'NodeFetch', 'Console', 'FaultlineScrub']),
    );
  });

  it('captures errors with the request, the user, the route and the breadcrumbs', async () => {
    await leanApp('0');
    const events = await receiver.events();
    const failed = byMessage(events, 'order 9 failed')!;
    expect(failed.transaction).toBe('GET /api/fail/:id');
    expect(failed.tags).toMatchObject({ route: '/api/fail/:id' });
    expect(failed.request).toMatchObject({ method: 'GET', url: expect.stringContaining('/api/fail/9') });
    expect(JSON.stringify(failed.request)).not.toContain('tok_1234567890abcdef');
    expect(failed.user).toMatchObject({ id: 'user-42', username: 'jane' });
    expect(failed.breadcrumbs?.map((crumb) => crumb.message)).toContain('loading order 9');
    // each request has its own scope: the other request's breadcrumb is not on this event
    expect(failed.breadcrumbs?.map((crumb) => crumb.message)).not.toContain('loading order 10');
    expect(failed.contexts?.trace?.trace_id).toBe(INCOMING_TRACE);
  });

  it('sends no span for unsampled requests, and tells downstream services they are not sampled', async () => {
    const { downstream } = await leanApp('0');
    // only the requests continuing a sampled incoming trace are traced: its decision wins
    const roots = (await receiver.spans()).filter((span) => span.op === 'http.server');
    expect(roots.map((span) => [span.name, span.traceId])).toEqual([
      ['GET /api/users/:id', INCOMING_TRACE],
      ['GET /api/fail/:id', INCOMING_TRACE],
    ]);
    expect(downstream).toHaveLength(2);
    const [fresh, continued] = downstream;
    expect(fresh?.sentryTrace).toMatch(/^[0-9a-f]{32}-[0-9a-f]{16}-0$/);
    expect(fresh?.sentryTrace?.startsWith(INCOMING_TRACE)).toBe(false);
    expect(continued?.sentryTrace).toMatch(new RegExp(`^${INCOMING_TRACE}-[0-9a-f]{16}-1$`));
  });

  it('traces sampled requests in route-named spans, continuing incoming traces to downstream services', async () => {
    const { downstream } = await leanApp('1');
    const spans = await receiver.spans();
    const roots = spans.filter((span) => span.op === 'http.server');
    expect(roots.map((span) => span.name).sort()).toEqual([
      'GET /api/fail/:id',
      'GET /api/fail/:id',
      'GET /api/users/:id',
      'GET /api/users/:id',
    ]);
    const continued = roots.filter((span) => span.traceId === INCOMING_TRACE);
    expect(continued).toHaveLength(2);
    expect(continued.every((span) => span.parentSpanId === 'b7ad6b7169203331')).toBe(true);
    const client = spans.filter(
      (span) => span.op === 'http.client' && String(span.attributes['url.full']).endsWith('/quote'),
    );
    expect(client).toHaveLength(2);
    for (const call of downstream) {
      const [traceId, spanId, sampled] = call.sentryTrace!.split('-');
      expect(sampled).toBe('1');
      expect(client.some((span) => span.traceId === traceId && span.spanId === spanId)).toBe(true);
      // a trace continued without baggage keeps its frozen (empty) context, a new one has its own
      if (traceId === INCOMING_TRACE) expect(call.baggage).toMatch(/^sentry-sample_rand=/);
      else expect(call.baggage).toContain(`sentry-trace_id=${traceId}`);
    }
  });
});
