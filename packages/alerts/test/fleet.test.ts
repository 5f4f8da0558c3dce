import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RedisServer } from '@faultline/test-servers';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Alert } from '../src/index.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const WORKERS = 4;
const EVENTS = 40;

let server: RedisServer;
beforeAll(async () => {
  server = await RedisServer.start();
});
afterAll(async () => {
  await server?.kill();
});

interface Line {
  ready?: boolean;
  alert?: Alert;
  done?: boolean;
  flushed?: boolean;
  error?: string;
}

/** Spawns a worker process running the package source, and collects what it prints. */
function worker(prefix: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=@faultline/source',
      '--import',
      'tsx',
      'test/fleet-worker.ts',
      server.url,
      prefix,
      String(EVENTS),
    ],
    { cwd: PACKAGE_DIR, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: Line[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(JSON.parse(text) as Line);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = (test: (line: Line) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (lines.some(test) ? resolve() : waiters.push(check));
      child.once('exit', (code) =>
        lines.some(test) ? resolve() : reject(new Error(`worker exited ${code}: ${stderr}`)),
      );
      check();
    });
  return { child, lines, until };
}

it('4 processes sharing one Redis observe the same burst: exactly one notification in total', async () => {
  const workers = Array.from({ length: WORKERS }, () => worker('fleet:'));
  await Promise.all(workers.map((w) => w.until((line) => line.ready === true)));
  for (const w of workers) w.child.stdin?.write('go\n');
  await Promise.all(workers.map((w) => w.until((line) => line.done === true)));

  const lines = workers.flatMap((w) => w.lines);
  expect(lines.filter((line) => line.error)).toEqual([]);
  expect(lines.filter((line) => line.done).map((line) => line.flushed)).toEqual([true, true, true, true]);
  const alerts = lines.flatMap((line) => (line.alert ? [line.alert] : []));
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ kind: 'burst', status: 'firing' });
  expect(alerts[0]!.groups[0]!.key).toBe('PaymentError|chargeCard');
  expect(alerts[0]!.groups[0]!.count).toBeGreaterThan(10);

  // nothing lost: every event of every process is in the shared window
  const redis = new Redis(server.url);
  const buckets = await redis.hvals('fleet:w:PaymentError|chargeCard');
  await redis.quit();
  expect(buckets.reduce((sum, count) => sum + Number(count), 0)).toBe(WORKERS * EVENTS);
}, 30_000);
