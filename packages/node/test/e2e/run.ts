import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const here = new URL('./', import.meta.url);
const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** How to start one script of this folder. */
export interface RunOptions {
  /** Variables on top of a clean environment (PATH and HOME only): the app's whole config. */
  env?: Record<string, string>;
  /** Preload instrument.mjs with `--import` (the setup the README recommends for ESM). */
  instrument?: boolean;
  /** Run on @sentry/node 10 instead of 11. */
  sentryV10?: boolean;
}

/** What a finished script left: its last stdout line as JSON, and all of its stderr. */
export interface RunResult {
  // biome-ignore lint/suspicious/noExplicitAny: each script prints its own report shape
  report: any;
  stderr: string;
  code: number | null;
}

/** Runs `script` (a file in test/e2e) to its end in a child process, sources through tsx. */
export async function run(script: string, options: RunOptions = {}): Promise<RunResult> {
  const flags = ['--conditions=@faultline/source', '--import', 'tsx'];
  if (options.sentryV10) flags.push('--import', fileURLToPath(new URL('sentry-v10.mjs', here)));
  if (options.instrument) flags.push('--import', fileURLToPath(new URL('instrument.mjs', here)));
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL(script, here))], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let report: unknown;
  try {
    report = JSON.parse(last);
  } catch {
    throw new Error(`${script} printed no report (exit ${code}):\n${stdout}\n${stderr}`);
  }
  return { report, stderr, code };
}
