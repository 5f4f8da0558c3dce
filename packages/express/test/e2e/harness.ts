import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { EnvelopeViews, LoopbackReceiver } from '@faultline/testkit';

const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const instrumentScript = fileURLToPath(new URL('./instrument.mjs', import.meta.url));
const coreV10Script = fileURLToPath(new URL('./core-v10.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** Environment of one app.mjs process; see the comments at the top of app.mjs and sentry.mjs. */
export interface AppEnvironment {
  EXPRESS?: 'express' | 'express4';
  SETUP?: 'adapter' | 'error-handler-only' | 'error-handler-first' | 'sentry-only';
  USER_MAPPER?: 'default' | 'custom';
  SENTRY_SDK?: 'node' | 'node-v10';
  TRACES?: string;
  ALERT_MIN_REQUESTS?: string;
}

export interface AppOptions {
  /** Start with `--import instrument.mjs`, so that @sentry/node's Express instrumentation works. */
  instrumented?: boolean;
}

/** What app.mjs answers to 'stop'. */
export interface AppReport {
  recordRequests: number;
  alerts: Array<{ kind: string; groups: Array<{ count: number; requests?: number }> }>;
}

/** A parsed JSON payload, read loosely: the tests assert on its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of many item types, checked by the assertions themselves
export type Payload = any;

/** A running app.mjs: send it requests, then stop it for its report. */
export class App {
  /** Everything the app wrote to stderr (warnings included). */
  stderr = '';
  port = 0;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
  }

  /** Starts app.mjs sending to `dsn`, the DSN of a loopback receiver of @faultline/testkit. */
  static async start(dsn: string, environment: AppEnvironment, options: AppOptions = {}): Promise<App> {
    const imports = ['--import', 'tsx'];
    if (environment.SENTRY_SDK === 'node-v10') imports.push('--import', coreV10Script);
    if (options.instrumented) imports.push('--import', instrumentScript);
    const child = spawn(process.execPath, ['--conditions=@faultline/source', ...imports, appScript], {
      cwd: packageDir,
      env: { ...process.env, ...environment, SENTRY_DSN: dsn },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const app = new App(child);
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`app.mjs ${JSON.stringify(environment)} exited with ${code}:\n${app.stderr}`);
    });
    const [message] = (await Promise.race([once(child, 'message'), exited])) as [{ port: number }];
    app.port = message.port;
    return app;
  }

  /** Sends a request to the app; resolves with the status and the JSON body. */
  async request(path: string, init: RequestInit = {}): Promise<{ status: number; body: Payload }> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Flushes Sentry and the alert engine in the app, then stops it. */
  async stop(): Promise<AppReport> {
    if (this.child.exitCode !== null) throw new Error(`app.mjs already exited:\n${this.stderr}`);
    const report = once(this.child, 'message') as Promise<[AppReport]>;
    const exited = once(this.child, 'exit');
    this.child.send('stop');
    const [[result]] = await Promise.all([report, exited]);
    return result;
  }

  /** Stops the app without a report (cleanup). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
  }
}

/** Everything the receiver recorded so far (`waitFor` resolves at once: its condition already holds). */
export function recorded(receiver: LoopbackReceiver): Promise<EnvelopeViews> {
  return receiver.waitFor(() => true);
}

/** The error events (items of type `event`), read loosely. */
export function errorEvents(sent: EnvelopeViews): Payload[] {
  return sent.events();
}

/** The error events whose exception value (or message) is `text`. */
export function eventsAbout(sent: EnvelopeViews, text: string): Payload[] {
  return errorEvents(sent).filter((event) =>
    [...(event.exception?.values ?? []).map((value: Payload) => value.value), event.message].includes(text),
  );
}

/** Names of the request roots: transactions (static lifecycle) and segment spans (streamed). */
export function rootNames(sent: EnvelopeViews): string[] {
  return sent
    .spans()
    .filter((span) => span.isSegment)
    .map((span) => span.name);
}
