import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

function defaultCandidates(): string[] {
  const path = process.env.PATH ?? '';
  return ['/usr/bin/redis-server', ...path.split(delimiter).map((dir) => join(dir, 'redis-server'))];
}

/** The redis-server binary: /usr/bin/redis-server, else the first on PATH; undefined when none. */
export function findRedisServer(candidates: readonly string[] = defaultCandidates()): string | undefined {
  return candidates.find((candidate) => existsSync(candidate));
}

/** Like {@link findRedisServer}, but a missing binary throws: tests that need Redis fail, never skip. */
export function requireRedisServer(candidates?: readonly string[]): string {
  const found = findRedisServer(candidates);
  if (found === undefined)
    throw new Error(
      'redis-server is not installed: these tests start a real one. ' +
        'Install it (apt-get install redis-server); .ci/run does this on CI.',
    );
  return found;
}

/** A free TCP port on 127.0.0.1 (free a moment ago). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** How {@link RedisServer.start} runs the server. */
export interface RedisServerOptions {
  /** Default: a free port. */
  port?: number;
  /** More arguments for redis-server, as they are. */
  args?: readonly string[];
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL'); // also when a run fails or is interrupted
});

/**
 * A throwaway redis-server on 127.0.0.1 without persistence (`--save '' --appendonly no`). A
 * missing binary is a failure, never a skip.
 */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly args: readonly string[],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(options.port ?? (await freePort()), options.args ?? []);
    await server.launch();
    return server;
  }

  /** Starts the server (again) on the same port and waits until it accepts connections. */
  async launch(): Promise<void> {
    const args = ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'];
    const child = spawn(requireRedisServer(), [...args, ...this.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (!output.includes('Ready to accept connections')) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData).resume();
        child.stderr?.off('data', onData).resume();
        resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  }

  /** `kill -9`: connections drop at once; the data and the script cache are gone. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  /** A clean shutdown. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
