import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type EnvelopeViews, type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';

const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const coreV10Hook = fileURLToPath(new URL('./sentry-core-v10.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

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
  /** What the run's receiver recorded: its envelopes, and testkit's views over them. */
  sent: EnvelopeViews;
  stderr: string;
}

/** Called when app.mjs prints `{"step":"…"}` and waits; the app goes on when it resolves. */
export type StepHandler = (step: string) => Promise<void>;

/** The app runs, each sending to a loopback receiver of @faultline/testkit of its own. */
export class AppRunner {
  private readonly children = new Set<ChildProcess>();

  /**
   * Runs app.mjs to completion with a receiver of its own (so that runs in parallel never see each
   * other's envelopes), answering its steps, and returns its report and what it sent.
   */
  async runApp(environment: AppEnvironment, onStep?: StepHandler): Promise<AppRun> {
    const receiver = await startLoopbackReceiver();
    try {
      return await this.run(receiver, environment, onStep);
    } finally {
      await receiver.close();
    }
  }

  private async run(
    receiver: LoopbackReceiver,
    environment: AppEnvironment,
    onStep?: StepHandler,
  ): Promise<AppRun> {
    const hook = environment.SENTRY_SDK === 'node-v10' ? ['--import', coreV10Hook] : [];
    const child = spawn(
      process.execPath,
      ['--conditions=@faultline/source', ...hook, '--import', 'tsx', appScript],
      {
        cwd: packageDir,
        env: { ...process.env, ...environment, SENTRY_DSN: receiver.dsn },
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
    // Everything recorded: `waitFor` resolves at once, its condition already holds.
    return { report, sent: await receiver.waitFor(() => true), stderr };
  }

  /** Stops any app run still going; its receiver closes as the run ends. */
  async stop(): Promise<void> {
    for (const child of this.children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}
