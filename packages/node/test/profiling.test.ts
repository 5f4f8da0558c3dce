import { createRequire } from 'node:module';
import { type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiling } from '../src/profiling.js';
import { run } from './e2e/run.js';

const require = createRequire(import.meta.url);

describe('profiling', () => {
  it('adds the integration of @sentry/profiling-node when it is installed, silently', () => {
    const lines: string[] = [];
    const integration = loadProfiling((line) => lines.push(line));
    expect(integration?.name).toBe('ProfilingIntegration');
    expect(lines).toEqual([]);
  });

  it('says in one line how to fix a missing package, and runs on without profiling', () => {
    const lines: string[] = [];
    const integration = loadProfiling(
      (line) => lines.push(line),
      () => require('@sentry/profiling-node-not-installed'),
    );
    expect(integration).toBeUndefined();
    expect(lines).toEqual([
      'SENTRY_PROFILES_SAMPLE_RATE is set but @sentry/profiling-node is not installed: profiling is off. Install it (npm install @sentry/profiling-node) or unset the rate.',
    ]);
  });

  it('reports a package that fails to load with its reason', () => {
    const lines: string[] = [];
    loadProfiling(
      (line) => lines.push(line),
      () => {
        throw new Error('no prebuilt binary for this platform');
      },
    );
    expect(lines[0]).toContain('failed to load (no prebuilt binary for this platform)');
  });
});

describe('profiling from SENTRY_PROFILES_SAMPLE_RATE', () => {
  let receiver: LoopbackReceiver;
  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
  });
  afterAll(() => receiver.close());

  it('profiles traced work and sends the profile chunks', async () => {
    const { report, stderr, code } = await run('profiling.mjs', {
      env: { SENTRY_DSN: receiver.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', SENTRY_PROFILES_SAMPLE_RATE: '1' },
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(report).toEqual({ profiling: true, rate: 1, lifecycle: 'trace', closed: true });
    expect((await receiver.items('profile_chunk')).length).toBeGreaterThan(0);
  });
});
