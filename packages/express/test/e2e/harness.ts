import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const receiverScript = fileURLToPath(
  new URL('../../../../test-support/sentry-receiver.mjs', import.meta.url),
);
const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const instrumentScript = fileURLToPath(new URL('./instrument.mjs', import.meta.url));
const coreV10Script = fileURLToPath(new URL('./core-v10.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** One envelope as the receiver recorded it. */
export interface Envelope {
  path: string;
  raw: string;
  header: Record<string, unknown>;
  items: Array<{ header: { type: string; [key: string]: unknown }; payload: unknown }>;
}

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

  static async start(
    receiverPort: number,
    environment: AppEnvironment,
    options: AppOptions = {},
  ): Promise<App> {
    const imports = ['--import', 'tsx'];
    if (environment.SENTRY_SDK === 'node-v10') imports.push('--import', coreV10Script);
    if (options.instrumented) imports.push('--import', instrumentScript);
    const child = spawn(process.execPath, ['--conditions=@faultline/source', ...imports, appScript], {
      cwd: packageDir,
      env: { ...process.env, ...environment, RECEIVER_PORT: String(receiverPort) },
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

/** The receiver process: a stand-in for Sentry's ingest endpoint. */
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

  async envelopes(): Promise<Envelope[]> {
    const response = await fetch(`http://127.0.0.1:${this.port}/envelopes`);
    return (await response.json()) as Envelope[];
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** Every item payload of the given types. */
export function payloads(envelopes: Envelope[], ...types: string[]): Payload[] {
  return envelopes.flatMap((envelope) =>
    envelope.items.filter((item) => types.includes(item.header.type)).map((item) => item.payload),
  );
}

/** Error events (envelope items of type `event`). */
export function errorEvents(envelopes: Envelope[]): Payload[] {
  return payloads(envelopes, 'event');
}

/** The error events whose exception value (or message) is `text`. */
export function eventsAbout(envelopes: Envelope[], text: string): Payload[] {
  return errorEvents(envelopes).filter((event) =>
    [...(event.exception?.values ?? []).map((value: Payload) => value.value), event.message].includes(text),
  );
}

/** Names of the request roots: transactions (static lifecycle) and segment spans (streamed). */
export function rootNames(envelopes: Envelope[]): string[] {
  const transactions = payloads(envelopes, 'transaction').map((event) => event.transaction as string);
  const segments = payloads(envelopes, 'span')
    .flatMap((container) => (container.items ?? []) as Payload[])
    .filter((span) => span.is_segment)
    .map((span) => span.name as string);
  return [...transactions, ...segments];
}

/** Where a secret appears in the raw envelopes, as is or URL-encoded; empty when it never arrived. */
export function arrivals(envelopes: Envelope[], secret: string): number[] {
  const forms = [secret, encodeURIComponent(secret)];
  return envelopes.flatMap((envelope, index) =>
    forms.some((form) => envelope.raw.includes(form)) ? [index] : [],
  );
}
