import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { ended, killOnExit } from './processes.js';

const appDir = new URL('../app/', import.meta.url);
const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** What the app reports about itself (see app/server.ts). */
export interface AppStats {
  rssMb: number;
  heapUsedMb: number;
  /** p99 of the event-loop delay since the last reset (`monitorEventLoopDelay`, 10 ms resolution). */
  eldP99Ms: number;
  eldMaxMs: number;
  /** /ok requests answered. */
  ok: number;
  /** /fail requests, each of which threw. */
  failed: number;
  /** Markers of the BullMQ jobs processed (with FAULT_REDIS_URL). */
  jobs?: string[];
}

/** The app under test, running in its own process. */
export interface App {
  readonly url: string;
  readonly pid: number;
  /** Everything it wrote to stderr: Faultline's own one-line messages. */
  stderr(): string;
  /**
   * Its memory, event-loop delay and counts. `reset` restarts the event-loop delay histogram
   * after reading it; `gc` runs a full garbage collection first (retained memory only).
   */
  stats(options?: { reset?: boolean; gc?: boolean }): Promise<AppStats>;
  /** Closes Faultline (flushing Sentry, the alerts and the notifiers) and waits for the exit. */
  close(): Promise<{ closed: boolean | undefined; code: number | null }>;
  /** SIGKILL. */
  kill(): Promise<void>;
}

/**
 * Starts app/server.ts with instrument.ts preloaded, in a clean environment (PATH and HOME) plus
 * `env`: Faultline's whole configuration. It is killed when the test ends, and when the test
 * process exits however it exits.
 */
export async function startApp(env: Record<string, string>): Promise<App> {
  const flags = [
    '--expose-gc',
    '--conditions=@faultline/source',
    '--import',
    'tsx',
    '--import',
    fileURLToPath(new URL('instrument.ts', appDir)),
  ];
  const child: ChildProcess = spawn(
    process.execPath,
    [...flags, fileURLToPath(new URL('server.ts', appDir))],
    {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  killOnExit(child);
  onTestFinished(async () => {
    child.kill('SIGKILL');
    await ended(child);
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();

  type Message = { type: string; [field: string]: unknown };
  const waiting: Array<{ type: string; resolve(message: Message): void }> = [];
  child.on('message', (message: Message) => {
    const index = waiting.findIndex((entry) => entry.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
  });
  const next = (type: string, timeoutMs = 30_000): Promise<Message> =>
    new Promise((resolve, reject) => {
      const entry = {
        type,
        resolve: (message: Message) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(message);
        },
      };
      const fail = (why: string) => {
        const index = waiting.indexOf(entry);
        if (index >= 0) waiting.splice(index, 1);
        child.off('exit', onExit);
        reject(new Error(`the app ${why} while the test waited for "${type}":\n${stderr}`));
      };
      const timer = setTimeout(() => fail(`sent nothing within ${timeoutMs} ms`), timeoutMs);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        fail(`exited (${signal ?? code})`);
      };
      waiting.push(entry);
      child.once('exit', onExit);
    });

  const ready = await next('ready');
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${ready.port}`,
    pid: child.pid ?? 0,
    stderr: () => stderr,
    async stats({ reset = false, gc = false } = {}) {
      const reply = next('stats');
      child.send({ type: 'stats', reset, gc });
      const { type: _type, ...stats } = await reply;
      return stats as unknown as AppStats;
    },
    async close() {
      const closedMessage = next('closed', 20_000).catch(() => undefined);
      child.send({ type: 'close' });
      const closed = (await closedMessage)?.closed as boolean | undefined;
      await ended(child, 20_000);
      return { closed, code: await exit };
    },
    async kill() {
      child.kill('SIGKILL');
      await ended(child);
    },
  };
}
