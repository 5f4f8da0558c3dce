/**
 * @sentry/node 11 with its default trace lifecycle (spans streamed as span items), and
 * scrubIntegration: nothing of the planted password reaches the wire.
 */
import { findSecrets } from '@faultline/testkit';
import { describe, expect, it } from 'vitest';
import { expectJobsReported } from './expectations.js';
import { useAppRun } from './harness.js';
import { PASSWORD } from './planted.js';

describe('@sentry/node 11, default (stream) lifecycle, with scrubIntegration', () => {
  const run = useAppRun({ SCRUB: 'on' });

  it('streams spans instead of sending transactions', () => {
    expect(run().sent.transactions()).toEqual([]);
    expect(run().sent.items('span').length).toBeGreaterThan(0);
  });

  expectJobsReported(run);

  it('sends the planted password nowhere', () => {
    expect(findSecrets(run().sent, { PASSWORD })).toEqual([]);
  });
});
