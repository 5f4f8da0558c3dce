import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const receiverScript = fileURLToPath(
  new URL('../../../../test-support/sentry-receiver.mjs', import.meta.url),
);
const appScript = fileURLToPath(new URL('./app.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** One envelope as the receiver recorded it: the decoded body, and its parsed header and items. */
export interface Envelope {
  path: string;
  encoding: string | null;
  raw: string;
  header: Record<string, unknown>;
  items: Array<{ header: { type: string; [key: string]: unknown }; payload: unknown }>;
}

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
  envelopes: Envelope[];
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

/** The receiver process (receiver.mjs) and the app runs that send to it. */
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

  private async request(method: 'GET' | 'POST', path: string): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, { method });
    if (!response.ok)
      throw new Error(`receiver ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Forgets every recorded envelope. */
  async reset(): Promise<void> {
    await this.request('POST', '/reset');
  }

  async envelopes(): Promise<Envelope[]> {
    return (await this.request('GET', '/envelopes')) as Envelope[];
  }

  /** Forgets recorded envelopes, runs app.mjs to completion, and returns its report and what it sent. */
  async runApp(environment: AppEnvironment = {}): Promise<AppRun> {
    await this.reset();
    const child = spawn(process.execPath, ['--conditions=@faultline/source', '--import', 'tsx', appScript], {
      cwd: packageDir,
      env: { ...process.env, ...environment, RECEIVER_PORT: String(this.port) },
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
    return { report: JSON.parse(last) as AppReport, envelopes: await this.envelopes() };
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

/** A parsed JSON payload, read loosely: the tests assert on its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of many item types, checked by the assertions themselves
export type Payload = any;

/** Every item payload of the given envelope item types. */
export function payloads(envelopes: Envelope[], ...types: string[]): Payload[] {
  return envelopes.flatMap((envelope) =>
    envelope.items.filter((item) => types.includes(item.header.type)).map((item) => item.payload),
  );
}

/** The individual spans, logs or metrics of container items (`{ items: [...] }`). */
export function containerItems(envelopes: Envelope[], type: string): Payload[] {
  return payloads(envelopes, type).flatMap((payload) => (payload as { items?: unknown[] }).items ?? []);
}

/** How a secret can look on the wire: as is, URL-encoded (also with `+` for spaces), JSON-escaped once and twice. */
export function wireForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const escaped = JSON.stringify(secret).slice(1, -1);
  const escapedTwice = JSON.stringify(escaped).slice(1, -1);
  return [...new Set([secret, encoded, encoded.replace(/%20/g, '+'), escaped, escapedTwice])];
}

function walk(value: unknown, path: string, forms: string[], found: string[]): void {
  if (typeof value === 'string') {
    if (forms.some((form) => value.includes(form))) found.push(path);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (forms.some((form) => key.includes(form))) found.push(`${path} (a key)`);
    walk(child, `${path}.${key}`, forms, found);
  }
}

/**
 * Where a secret appears in any form in the raw envelope bodies: `envelope 3 event: user.email`.
 * An empty list means it never reached the wire.
 */
export function locate(envelopes: Envelope[], secret: string): string[] {
  const forms = wireForms(secret);
  const found: string[] = [];
  envelopes.forEach((envelope, index) => {
    if (!forms.some((form) => envelope.raw.includes(form))) return;
    const before = found.length;
    walk(envelope.header, `envelope ${index} header`, forms, found);
    for (const item of envelope.items)
      walk(item.payload, `envelope ${index} ${item.header.type}`, forms, found);
    if (found.length === before) found.push(`envelope ${index} (raw body)`);
  });
  return found.map((where) => where.replace(/ (\w+)\./, ' $1: '));
}
