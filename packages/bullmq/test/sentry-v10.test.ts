/**
 * @sentry/node 10 (the `@sentry/node-v10` alias, transactions by default). The package's imports
 * of `@sentry/core` resolve to `@sentry/core-v10` there (core-v10-hooks.mjs), as in a Sentry 10 app.
 */
import { describe, expect, it } from 'vitest';
import { expectJobsReported } from './expectations.js';
import { type Payload, useAppRun } from './harness.js';

describe('@sentry/node 10', () => {
  const run = useAppRun({ SENTRY_SDK: 'node-v10' });

  it('is sent by @sentry/node 10', () => {
    const { sent } = run();
    const versions = [...sent.events(), ...sent.transactions()].map((event: Payload) => event.sdk.version);
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) expect(version).toMatch(/^10\./);
  });

  expectJobsReported(run);
});
