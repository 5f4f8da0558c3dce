import { getDefaultIntegrations } from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { leanDefaults } from '../src/lean.js';

const defaults = getDefaultIntegrations({});
const names = (list: Array<{ name: string }>) => list.map((integration) => integration.name);

describe('the lean defaults', () => {
  it('drop the HTTP server and Express instrumentation and add outgoing HTTP', () => {
    const lean = names(leanDefaults(defaults));
    expect(names(defaults)).toEqual(expect.arrayContaining(['Http', 'Express', 'Context', 'Dedupe']));
    expect(lean).not.toContain('Http');
    expect(lean).not.toContain('Express');
    expect(lean).toContain('FaultlineOutgoingHttp');
    expect(lean.filter((name) => name !== 'FaultlineOutgoingHttp')).toEqual(
      names(defaults).filter((name) => name !== 'Http' && name !== 'Express'),
    );
  });

  it("keep Sentry's HTTP instrumentation where @sentry/core/server cannot patch outgoing requests (Sentry 10)", () => {
    const lean = names(leanDefaults(defaults, {}));
    expect(lean).toContain('Http');
    expect(lean).not.toContain('Express');
    expect(lean).not.toContain('FaultlineOutgoingHttp');
  });

  it('read the memory attributes of root spans at most once a second, reusing the last reading', () => {
    const context = leanDefaults(defaults).find(
      (integration) => integration.name === 'Context',
    ) as unknown as {
      processSegmentSpan(span: { attributes?: Record<string, unknown> }, client: unknown): void;
    };
    const first = { attributes: { 'sentry.op': 'http.server' } };
    const second = { attributes: { 'sentry.op': 'queue.process' } };
    context.processSegmentSpan(first, undefined);
    context.processSegmentSpan(second, undefined);
    const added = Object.keys(first.attributes).filter((key) => key !== 'sentry.op');
    expect(added).toEqual(expect.arrayContaining(['app.memory']));
    for (const key of added)
      expect(second.attributes[key as keyof typeof second.attributes]).toEqual(
        first.attributes[key as keyof typeof first.attributes],
      );
    expect(second.attributes['sentry.op']).toBe('queue.process');
  });
});
