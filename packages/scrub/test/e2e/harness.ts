import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type EnvelopeViews, type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';

const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** The JSON line app.mjs prints last. */
export interface AppReport {
  flushed: boolean;
  /** Live application and SDK objects that no longer hold what the app put in them. */
  changed: string[];
}

/** Environment for one run of app.mjs; see the comment at its top. */
export interface AppEnvironment {
  SCRUB?: 'off';
  SCENARIO?: 'core' | 'extra';
  SENTRY_SDK?: 'node' | 'node-v10';
  TRACE_LIFECYCLE?: 'static' | 'stream';
}

export interface AppRun {
  report: AppReport;
  /** What the receiver recorded during the run: its envelopes, and testkit's views over them. */
  sent: EnvelopeViews;
}

/** Output of a child process, kept for error messages. */
function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
  });
  return output;
}

/** Everything the receiver recorded so far (`waitFor` resolves at once: its condition already holds). */
export function recorded(receiver: LoopbackReceiver): Promise<EnvelopeViews> {
  return receiver.waitFor(() => true);
}

/** A loopback receiver of @faultline/testkit, and the app runs that send to it. */
export class AppRunner {
  private readonly children = new Set<ChildProcess>();

  private constructor(readonly receiver: LoopbackReceiver) {}

  static async start(): Promise<AppRunner> {
    return new AppRunner(await startLoopbackReceiver());
  }

  /** Forgets recorded envelopes, runs app.mjs to completion, and returns its report and what it sent. */
  async runApp(environment: AppEnvironment = {}): Promise<AppRun> {
    await this.receiver.reset();
    const child = spawn(process.execPath, ['--conditions=@faultline/source', '--import', 'tsx', appScript], {
      cwd: packageDir,
      env: { ...process.env, ...environment, SENTRY_DSN: this.receiver.dsn },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.add(child);
    const output = collect(child);
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    this.children.delete(child);
    if (code !== 0)
      throw new Error(
        `app.mjs ${JSON.stringify(environment)} exited with ${code ?? signal}:\n${output.stderr}`,
      );
    const last = output.stdout.trim().split('\n').at(-1) ?? '';
    return { report: JSON.parse(last) as AppReport, sent: await recorded(this.receiver) };
  }

  /** Stops any app run still going, then the receiver. */
  async stop(): Promise<void> {
    for (const child of this.children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await this.receiver.close();
  }
}
