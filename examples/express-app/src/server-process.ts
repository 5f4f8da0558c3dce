import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { EventExplanation, ServerMessage } from './ipc.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** How the server is loaded: workspace packages from their built `dist/` or from their `src/`. */
export type PackageSource = 'dist' | 'source';

/** The node arguments that start the server; the demo and the README use the same. */
export function serverArguments(source: PackageSource): string[] {
  const conditions = source === 'source' ? ['--conditions=@faultline/source'] : [];
  return [...conditions, '--import', 'tsx', '--import', './src/instrument.ts', 'src/server.ts'];
}

/** The shop's server running in a child process, and what it told us. */
export interface ServerProcess {
  port: number;
  explanations: EventExplanation[];
  failedJobs: Array<{ id: string; name: string }>;
  /** Everything the server printed, for diagnostics. */
  output(): string;
  /** Asks the server to flush and exit ('stop' over IPC); resolves with its exit code. */
  stop(): Promise<number | null>;
  /** Ends the server at once (cleanup after a failure). */
  kill(): void;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Starts `src/server.ts` with `env` (nothing inherited) and resolves once it listens. */
export async function startServer(source: PackageSource, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, serverArguments(source), {
    cwd: packageDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
  const server: ServerProcess = {
    port: 0,
    explanations: [],
    failedJobs: [],
    output: () => output,
    async stop() {
      if (!isRunning(child)) return child.exitCode;
      const exited = once(child, 'exit');
      child.send('stop');
      const [code] = (await exited) as [number | null];
      return code;
    },
    kill() {
      if (isRunning(child)) child.kill('SIGKILL');
    },
  };
  let listened = false;
  const listening = new Promise<void>((resolve) => {
    child.on('message', (message: ServerMessage) => {
      if ('port' in message) {
        server.port = message.port;
        listened = true;
        resolve();
      } else if ('explanation' in message) server.explanations.push(message.explanation);
      else if ('jobFailed' in message) server.failedJobs.push(message.jobFailed);
    });
  });
  const exited = once(child, 'exit').then(([code]) => {
    if (!listened) throw new Error(`the server exited with ${String(code)} before it listened:\n${output}`);
  });
  await Promise.race([listening, exited]);
  return server;
}
