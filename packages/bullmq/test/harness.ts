import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { RedisServer } from '@faultline/test-servers';
import { type EnvelopeViews, type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll } from 'vitest';

const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

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
  /** What the receiver recorded during the run: its envelopes, and testkit's views over them. */
  sent: EnvelopeViews;
}

/** A parsed JSON payload, read loosely: the tests assert on its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of many item types, checked by the assertions themselves
export type Payload = any;

/**
 * Forgets what `receiver` (a loopback receiver of @faultline/testkit) recorded, runs app.mjs to
 * completion sending to it, and returns the app's report and what it sent.
 */
async function runApp(receiver: LoopbackReceiver, environment: AppEnvironment): Promise<AppRun> {
  await receiver.reset();
  const child = spawn(process.execPath, ['--conditions=@faultline/source', '--import', 'tsx', appScript], {
    cwd: packageDir,
    env: { ...process.env, ...environment, SENTRY_DSN: receiver.dsn },
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
  // Everything recorded: `waitFor` resolves at once, its condition already holds.
  const sent = await receiver.waitFor(() => true);
  return { report: JSON.parse(last) as AppReport, sent };
}

/** Error events (not transactions) whose `queue` tag is `queue`. */
export function errorEvents(run: AppRun, queue: string): Payload[] {
  return run.sent.events().filter((event) => event.tags?.queue === queue);
}

/** Check-ins sent for a monitor slug, in the order sent. */
export function checkIns(run: AppRun, slug: string): Payload[] {
  return run.sent.items('check_in').filter((checkIn: Payload) => checkIn.monitor_slug === slug);
}

/**
 * Starts a redis-server and the receiver before the file's tests, runs app.mjs once against them,
 * and stops both afterwards. Returns a getter for the run.
 */
export function useAppRun(environment: Omit<AppEnvironment, 'REDIS_PORT'>): () => AppRun {
  let redis: RedisServer | undefined;
  let receiver: LoopbackReceiver | undefined;
  let run: AppRun | undefined;
  beforeAll(async () => {
    [redis, receiver] = await Promise.all([RedisServer.start(), startLoopbackReceiver()]);
    run = await runApp(receiver, { ...environment, REDIS_PORT: String(redis.port) });
  });
  afterAll(async () => {
    await Promise.all([redis?.kill(), receiver?.close()]);
  });
  return () => {
    if (!run) throw new Error('app.mjs did not run');
    return run;
  };
}
