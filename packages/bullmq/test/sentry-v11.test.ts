/**
 * @sentry/node 11 with `traceLifecycle: 'static'` (spans arrive inside transactions), without
 * scrubIntegration: the adapter alone keeps the job data it reports scrubbed.
 */
import { describe, expect, it } from 'vitest';
import { expectJobsReported } from './expectations.js';
import { useAppRun } from './harness.js';
import { PASSWORD } from './planted.js';
import { spans } from './spans.js';

describe("@sentry/node 11, traceLifecycle: 'static'", () => {
  const run = useAppRun({ TRACE_LIFECYCLE: 'static' });

  expectJobsReported(run);

  it("sends the password only in @sentry/node's own Redis spans, which record BullMQ's commands", () => {
    const carriers = spans(run()).filter((span) => JSON.stringify(span).includes(PASSWORD));
    expect(carriers.length).toBeGreaterThan(0);
    for (const span of carriers) expect(span).toMatchObject({ op: 'db.query', name: /^evalsha / });
    const rest = run().envelopes.flatMap((envelope) =>
      envelope.items.filter((item) => item.header.type !== 'transaction'),
    );
    expect(JSON.stringify(rest)).not.toContain(PASSWORD);
  });
});
