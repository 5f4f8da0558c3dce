import { assertNoSecrets } from '@faultline/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../src/demo.js';
import { findRedisServer } from '../src/local-redis.js';
import { RUN_TIMEOUT_MS, standInEnv } from './helpers.js';

// CI installs redis-server (.ci/run); elsewhere the Redis part is skipped, like the demo does.
describe.skipIf(findRedisServer() === undefined)('pnpm demo with a local redis-server', () => {
  let result: DemoResult;

  beforeAll(async () => {
    result = await runDemo({ packages: 'source', env: standInEnv() });
  }, RUN_TIMEOUT_MS);

  it('holds, Redis included, with no planted secret anywhere', () => {
    expect(result.failures, result.report).toEqual([]);
    expect(result.redis).toMatchObject({ url: expect.stringMatching(/^redis:\/\/127\.0\.0\.1:\d+$/) });
    assertNoSecrets(result.wire!, result.secrets);
  });

  it('reports the failed BullMQ job once, its data scrubbed', () => {
    const jobs = result.wire!.events().filter((event) => event.tags?.queue === 'emails');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job?.exception?.values?.at(-1)?.value).toBe(
      'SMTP relay refused the password-reset mail to [Filtered]: 550 mailbox unavailable',
    );
    expect(job?.contexts?.job).toMatchObject({
      queue: 'emails',
      name: 'password-reset',
      data: { to: '[Filtered]', resetToken: '[Filtered]' },
    });
    expect(result.failedJobs).toEqual([{ id: expect.any(String), name: 'password-reset' }]);
  });

  it('traces the cache lookups with keys shown and values hidden', () => {
    const spans = result
      .wire!.spans()
      .filter((span) => span.attributes['sentry.origin'] === 'auto.db.faultline.ioredis');
    // two requests: a miss that fills the cache, then a hit (their envelopes may arrive in any order)
    const seen = spans.map((span) => `${span.name} ${span.op} hit=${String(span.attributes['cache.hit'])}`);
    expect(seen.sort()).toEqual([
      'GET product:42 cache.get hit=false',
      'GET product:42 cache.get hit=true',
      'SET product:42 ? ? ? cache.put hit=undefined',
    ]);
    const segments = result
      .wire!.spans()
      .filter((span) => span.isSegment)
      .map((span) => span.name);
    expect(segments).toEqual(expect.arrayContaining(['GET /api/products/:id', 'process emails']));
  });
});
