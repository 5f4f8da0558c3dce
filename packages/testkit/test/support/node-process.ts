import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../..', import.meta.url));
export const scenario = (name: string): string =>
  fileURLToPath(new URL(`../scenarios/${name}`, import.meta.url));

/** Node with this repository's source condition and tsx, like every test process of the monorepo. */
export function sourceNodeArguments(script: string, imports: string[] = []): string[] {
  return [
    '--conditions=@faultline/source',
    '--import',
    'tsx',
    ...imports.flatMap((i) => ['--import', i]),
    script,
  ];
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script to its end and collects its output. */
export async function runToEnd(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Finished> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? packageDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Parses the last line of a script's stdout; fails with its stderr when it did not succeed. */
export function lastJsonLine<T>({ code, stdout, stderr }: Finished): T {
  const line = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !line) throw new Error(`the script exited with ${code}:\n${stderr}\n${stdout}`);
  return JSON.parse(line) as T;
}

/** True while a process with this id exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until the process is gone; false if it is still there after `timeoutMs`. */
export async function exitsWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** Ends a child if it still runs (cleanup after a failed test). */
export function kill(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
