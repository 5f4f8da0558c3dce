import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const receiverScript = fileURLToPath(
  new URL('../../../../test-support/sentry-receiver.mjs', import.meta.url),
);
const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const coreV10Hook = fileURLToPath(new URL('./sentry-core-v10.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** One envelope as the receiver recorded it: the decoded body, and its parsed header and items. */
export interface Envelope {
  path: string;
  raw: string;
  header: Record<string, unknown>;
  items: Array<{ header: { type: string; [key: string]: unknown }; payload: unknown }>;
}

/** Environment for one run of app.mjs; see the comment at its top. */
export interface AppEnvironment {
  SCENARIO: 'commands' | 'outage' | 'own-integration';
  REDIS_PORT: string;
  SENTRY_SDK?: 'node' | 'node-v10';
  TRACE_LIFECYCLE?: 'static' | 'stream';
  /** `keep`: leave @sentry/node's own Redis integration in (default: removed). */
  SENTRY_REDIS?: 'keep';
  /** `1`: import ioredis before Sentry.init, so Sentry's own integration cannot instrument it. */
  EARLY_IMPORT?: '1';
}

/** The JSON line app.mjs prints last. */
export interface AppReport {
  flushed: boolean;
  results: Record<string, unknown>;
}

export interface AppRun {
  report: AppReport;
  envelopes: Envelope[];
  stderr: string;
}

/** Called when app.mjs prints `{"step":"…"}` and waits; the app goes on when it resolves. */
export type StepHandler = (step: string) => Promise<void>;

/** The receiver process and the app runs that send to it. */
export class Receiver {
  private readonly children = new Set<ChildProcess>();

  private constructor(
    private readonly process: ChildProcess,
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

  /** Every envelope recorded so far whose DSN project is `project`. */
  async envelopes(project: string): Promise<Envelope[]> {
    const response = await fetch(`http://127.0.0.1:${this.port}/envelopes`);
    if (!response.ok) throw new Error(`receiver GET /envelopes: ${response.status}`);
    const all = (await response.json()) as Envelope[];
    return all.filter((envelope) => envelope.path === `/api/${project}/envelope/`);
  }

  /**
   * Runs app.mjs to completion with its own DSN project (so that runs in parallel never see each
   * other's envelopes), answering its steps, and returns its report and what it sent.
   */
  async runApp(environment: AppEnvironment, onStep?: StepHandler): Promise<AppRun> {
    const project = String(Math.floor(Math.random() * 1e9) + 1);
    const hook = environment.SENTRY_SDK === 'node-v10' ? ['--import', coreV10Hook] : [];
    const child = spawn(
      process.execPath,
      ['--conditions=@faultline/source', ...hook, '--import', 'tsx', appScript],
      {
        cwd: packageDir,
        env: { ...process.env, ...environment, RECEIVER_PORT: String(this.port), SENTRY_PROJECT: project },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.children.add(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const lines: string[] = [];
    const steps = createInterface({ input: child.stdout! });
    steps.on('line', (line) => {
      lines.push(line);
      const step = line.startsWith('{"step"') ? (JSON.parse(line) as { step: string }).step : undefined;
      if (step === undefined) return;
      (onStep ?? (async () => {}))(step).then(
        () => child.stdin!.write(`${step} done\n`),
        (error: unknown) => {
          stderr += `step ${step} failed: ${String(error)}\n`;
          child.kill('SIGTERM');
        },
      );
    });
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    this.children.delete(child);
    if (code !== 0)
      throw new Error(`app.mjs ${JSON.stringify(environment)} exited with ${code ?? signal}:\n${stderr}`);
    const report = JSON.parse(lines.at(-1) ?? '') as AppReport;
    return { report, envelopes: await this.envelopes(project), stderr };
  }

  /** Stops the receiver and any app run still going. */
  async stop(): Promise<void> {
    for (const child of [...this.children, this.process]) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}
