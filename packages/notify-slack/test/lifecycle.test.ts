import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedPort } from './receiver.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/exit-while-down.ts', import.meta.url));

/** Runs the fixture in a fresh Node process; resolves with its output and how long it lived. */
function runFixture(
  mode: 'wait' | 'flush',
  port: number,
): Promise<{ code: number | null; stdout: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, String(port), mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const killer = setTimeout(() => child.kill(), 15_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, ms: performance.now() - start });
    });
  });
}

describe('the process is never kept alive by Slack being down', () => {
  it('exits while a retry waits (20 s backoff), and stays for an awaited flush()', async () => {
    const port = await closedPort();
    const [waiting, flushing] = await Promise.all([runFixture('wait', port), runFixture('flush', port)]);
    expect(waiting.code).toBe(0);
    expect(waiting.ms).toBeLessThan(5000);
    expect(flushing.code).toBe(0);
    const { done, waited } = JSON.parse(flushing.stdout) as { done: boolean; waited: number };
    expect(done).toBe(false);
    expect(waited).toBeGreaterThanOrEqual(1400);
    // A ref'ed retry timer would keep either process alive for 10 to 20 s.
    expect(flushing.ms).toBeLessThan(7000);
  });
});
