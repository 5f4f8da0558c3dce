/**
 * @sentry/node 11 with `traceLifecycle: 'static'` (spans arrive inside transactions), without
 * scrubIntegration: the adapter alone keeps the job data it reports scrubbed.
 */
import { findSecrets } from '@faultline/testkit';
import { describe, expect, it } from 'vitest';
import { expectJobsReported } from './expectations.js';
import { useAppRun } from './harness.js';
import { PASSWORD } from './planted.js';
import { spans } from './spans.js';

describe("@sentry/node 11, traceLifecycle: 'static'", () => {
  const run = useAppRun({ TRACE_LIFECYCLE: 'static' });

  expectJobsReported(run);

  it("sends the password only in @sentry/node's own Redis spans, which record BullMQ's commands", () => {
    const carriers = spans(run()).filter((span) => findSecrets(span, { PASSWORD }).length > 0);
    expect(carriers.length).toBeGreaterThan(0);
    for (const span of carriers) expect(span).toMatchObject({ op: 'db.query', name: /^evalsha / });
    const rest = run().sent.envelopes.map((envelope) => ({
      header: envelope.header,
      items: envelope.items.filter((item) => item.header.type !== 'transaction'),
    }));
    expect(findSecrets(rest, { PASSWORD })).toEqual([]);
  });
});
