import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { RedisServer } from './redis-server.js';

const receiverScript = fileURLToPath(new URL('../../../test-support/sentry-receiver.mjs', import.meta.url));
const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** One envelope as the receiver recorded it: the decoded body, and its parsed header and items. */
export interface Envelope {
  path: string;
  raw: string;
  header: Record<string, unknown>;
  items: Array<{ header: { type: string; [key: string]: unknown }; payload: unknown }>;
}

/** Environment for one run of app.mjs; see the comment at its top. */
export interface AppEnvironment {
  REDIS_PORT: string;
  SENTRY_SDK?: 'node' | 'node-v10';
  TRACE_LIFECYCLE?: 'static' | 'stream';
  SCRUB?: 'on';
}

/** The JSON line app.mjs prints last. */
export interface AppReport {
  flushed: boolean;
  /** Application objects (job data, job options) that no longer hold what the app put in them. */
  changed: string[];
  /** `job.opts` of a job as the worker saw it, by job name. */
  workerOpts: Record<string, Record<string, unknown>>;
}

export interface AppRun {
  report: AppReport;
  envelopes: Envelope[];
}

/** A parsed JSON payload, read loosely: the tests assert on its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of many item types, checked by the assertions themselves
export type Payload = any;

/** The receiver process (test-support/sentry-receiver.mjs) and the app runs that send to it. */
export class Receiver {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Receiver> {
    const child = spawn(process.execPath, [receiverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`receiver exited with ${code} before printing its port`);
    });
    const [first] = (await Promise.race([once(lines, 'line'), exited])) as [string];
    lines.close();
    child.stdout!.resume();
    return new Receiver(child, (JSON.parse(first) as { port: number }).port);
  }

  private async request(method: 'GET' | 'POST', path: string): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, { method });
    if (!response.ok) throw new Error(`receiver ${method} ${path}: ${response.status}`);
    return response.json();
  }

  /** Forgets recorded envelopes, runs app.mjs to completion, and returns its report and what it sent. */
  async runApp(environment: AppEnvironment): Promise<AppRun> {
    await this.request('POST', '/reset');
    const child = spawn(process.execPath, ['--conditions=@faultline/source', '--import', 'tsx', appScript], {
      cwd: packageDir,
      env: { ...process.env, ...environment, RECEIVER_PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (code !== 0)
      throw new Error(`app.mjs ${JSON.stringify(environment)} exited with ${code ?? signal}:\n${stderr}`);
    const last = stdout.trim().split('\n').at(-1) ?? '';
    const envelopes = (await this.request('GET', '/envelopes')) as Envelope[];
    return { report: JSON.parse(last) as AppReport, envelopes };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** Every item payload of the given envelope item types. */
export function payloads(envelopes: Envelope[], ...types: string[]): Payload[] {
  return envelopes.flatMap((envelope) =>
    envelope.items.filter((item) => types.includes(item.header.type)).map((item) => item.payload),
  );
}

/** The individual streamed spans of `span` container items. */
export function streamedSpans(envelopes: Envelope[]): Payload[] {
  return payloads(envelopes, 'span').flatMap((payload) => (payload as { items?: unknown[] }).items ?? []);
}

/** Error events (not transactions) whose `queue` tag is `queue`. */
export function errorEvents(run: AppRun, queue: string): Payload[] {
  return payloads(run.envelopes, 'event').filter((event) => event.tags?.queue === queue);
}

/** Check-ins sent for a monitor slug, in the order sent. */
export function checkIns(run: AppRun, slug: string): Payload[] {
  return payloads(run.envelopes, 'check_in').filter((checkIn) => checkIn.monitor_slug === slug);
}

/**
 * Starts a redis-server and the receiver before the file's tests, runs app.mjs once against them,
 * and stops both afterwards. Returns a getter for the run.
 */
export function useAppRun(environment: Omit<AppEnvironment, 'REDIS_PORT'>): () => AppRun {
  let redis: RedisServer | undefined;
  let receiver: Receiver | undefined;
  let run: AppRun | undefined;
  beforeAll(async () => {
    [redis, receiver] = await Promise.all([RedisServer.start(), Receiver.start()]);
    run = await receiver.runApp({ ...environment, REDIS_PORT: String(redis.port) });
  });
  afterAll(async () => {
    await Promise.all([redis?.stop(), receiver?.stop()]);
  });
  return () => {
    if (!run) throw new Error('app.mjs did not run');
    return run;
  };
}
