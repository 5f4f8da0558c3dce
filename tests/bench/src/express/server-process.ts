import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { progress } from '../progress.js';
import { type ServerSpec, specName } from './variants.js';

/** The exit code of instrument-faultline.mjs when init({ mode: 'lean' }) is not supported. */
const LEAN_UNSUPPORTED = 78;
const SERVERS = new URL('../../servers/', import.meta.url);

/** What the server reports over IPC when asked for 'stats'. */
export interface ServerStats {
  rss: number;
  heapUsed: number;
  cpuMicros: number;
  /** p99 and max of the event-loop delay since the previous 'stats'. */
  delayP99Ms: number;
  delayMaxMs: number;
}

/** Where the servers send: the loopback receiver's DSN and the Slack recorder's URL. */
export interface ServerEnvironment {
  dsn: string;
  slackWebhookUrl: string;
}

/** Thrown by `start` when the variant is not built (lean mode). */
export class NotBuiltError extends Error {}

/** One bench server in its own plain `node` process (the packages' built dist, no source condition). */
export class ServerProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(spec: ServerSpec, environment: ServerEnvironment): Promise<ServerProcess> {
    const name = specName(spec);
    const imports = spec.variant.instrument
      ? ['--import', fileURLToPath(new URL(spec.variant.instrument, SERVERS))]
      : [];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_VARIANT: spec.variant.name,
      SENTRY_DSN: environment.dsn,
      SENTRY_TRACES_SAMPLE_RATE: String(spec.rate ?? 0),
      SENTRY_SLACK_WEBHOOK_URL: environment.slackWebhookUrl,
    };
    delete env.NODE_OPTIONS; // plain node: nothing of the runner's tsx loader
    const child = spawn(process.execPath, [...imports, fileURLToPath(new URL('server.mjs', SERVERS))], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) => {
        if (code === LEAN_UNSUPPORTED) reject(new NotBuiltError(`${name}: ${output.trim()}`));
        else reject(new Error(`server ${name} exited with ${code} before listening:\n${output}`));
      });
    });
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL')
        progress(`server ${name} exited with ${code ?? signal}:\n${output}`);
    });
    return new ServerProcess(name, child, port);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** RSS, heap, CPU and the event-loop delay since the last call. */
  stats(): Promise<ServerStats> {
    return new Promise((resolve) => {
      this.child.once('message', (message: ServerStats) => resolve(message));
      this.child.send('stats');
    });
  }

  /** Disconnects (the server closes Faultline and exits), killing it after 3 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    this.child.disconnect();
    await exited;
    clearTimeout(timer);
  }
}
