import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { FUZZ_RUNS, FUZZ_WATCHDOG_MS, SOAK, TEST_TIMEOUT_MS } from './support/durations.js';
import { ended, killOnExit } from './support/processes.js';

interface FuzzReport {
  target: string;
  runs: number;
  seed: number;
  ms: number;
  notes: Record<string, number>;
  failure?: string;
}

const child = fileURLToPath(new URL('fuzz/child.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../', import.meta.url));

/**
 * Runs one target in its own process (fuzz/child.ts) and kills it if it has not finished within
 * FUZZ_WATCHDOG_MS: a value that makes a target loop or backtrack for minutes fails the test as a
 * hang. FUZZ_SEED replays a run.
 */
async function fuzz(target: keyof typeof FUZZ_RUNS): Promise<FuzzReport> {
  const process_ = spawn(
    process.execPath,
    ['--conditions=@faultline/source', '--import', 'tsx', child, target],
    {
      cwd: packageDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        FUZZ_RUNS: String(FUZZ_RUNS[target]),
        ...(process.env.FUZZ_SEED ? { FUZZ_SEED: process.env.FUZZ_SEED } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  killOnExit(process_);
  onTestFinished(async () => {
    process_.kill('SIGKILL');
    await ended(process_);
  });
  let stdout = '';
  let stderr = '';
  process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let hung = false;
  const watchdog = setTimeout(() => {
    hung = true;
    process_.kill('SIGKILL');
  }, FUZZ_WATCHDOG_MS);
  const code = await new Promise<number | null>((resolve) => process_.once('exit', resolve));
  clearTimeout(watchdog);
  if (hung)
    throw new Error(
      `fuzz ${target} hung: not finished within ${FUZZ_WATCHDOG_MS / 1000} s (${FUZZ_RUNS[target]} values)`,
    );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as FuzzReport;
  } catch {
    throw new Error(`fuzz ${target} printed no report (exit ${code}):\n${stdout}\n${stderr}`);
  }
}

it.each(['scrubValue', 'fingerprint', 'loadConfig'] as const)(
  'fuzz: %s of generated adversarial values: no throw, no hang, no planted secret left',
  async (target) => {
    const report = await fuzz(target);
    console.log(
      `[faults] fuzz ${target}${SOAK ? ' (soak)' : ''}: ${report.runs} values in ${(report.ms / 1000).toFixed(1)} s ` +
        `(seed ${report.seed}); known findings met: ${JSON.stringify(report.notes)}`,
    );
    expect(report.failure, `replay with FUZZ_SEED=${report.seed}`).toBeUndefined();
    expect(report.runs).toBe(FUZZ_RUNS[target]);
  },
  TEST_TIMEOUT_MS,
);
