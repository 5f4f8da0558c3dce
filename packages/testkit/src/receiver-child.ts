import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECEIVER_PORT_VARIABLE, type ReceiverCommand, type ReceiverMessage } from './receiver-protocol.js';

const START_TIMEOUT_MS = 15_000;
const CLOSE_GRACE_MS = 5_000;
const STDERR_KEPT = 4_000;

const REGISTRY = Symbol.for('@faultline/testkit.receivers');

/**
 * The receiver processes still running, killed when this process exits (when it is killed, they
 * see their IPC channel close and exit). Kept on `globalThis`, so that every copy of this module
 * (ESM and CommonJS, one per test file) shares one set and one exit hook.
 */
function runningReceivers(): Set<ChildProcess> {
  const shared = globalThis as { [REGISTRY]?: Set<ChildProcess> };
  if (shared[REGISTRY]) return shared[REGISTRY];
  const running = new Set<ChildProcess>();
  shared[REGISTRY] = running;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
  return running;
}

function killOnExit(child: ChildProcess): void {
  const running = runningReceivers();
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/**
 * `receiver-process` next to this module: `src/receiver-process.ts` when this module runs from
 * source (this repository's tests), `dist/receiver-process.js` from the ESM or the CommonJS build.
 * tsup's CommonJS build derives `import.meta.url` from `__filename`; should a bundler leave
 * `import.meta` empty instead, `__filename` is what a CommonJS module has.
 */
function receiverProcessPath(): string {
  const moduleUrl: string | undefined = import.meta.url;
  const modulePath = moduleUrl ? fileURLToPath(moduleUrl) : __filename;
  const extension = extname(modulePath) === '.ts' ? '.ts' : '.js';
  return join(dirname(modulePath), `receiver-process${extension}`);
}

type PendingReply = { resolve(result: unknown): void; reject(error: Error): void };

/** The receiver's process seen from the parent: started, asked over IPC, and always ended. */
export class ReceiverChild {
  private readonly pending = new Map<number, PendingReply>();
  private readonly listeners = new Set<() => void>();
  private lastId = 0;
  private stderr = '';
  private exited: Promise<void>;
  port = 0;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEPT);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (message: ReceiverMessage) => this.onMessage(message));
    child.once('exit', (code, signal) => {
      const error = this.failure(`exited (${signal ?? `code ${code}`})`);
      for (const reply of this.pending.values()) reply.reject(error);
      this.pending.clear();
    });
  }

  /** Spawns the receiver process and resolves once it listens. */
  static async start(port: number): Promise<ReceiverChild> {
    const script = receiverProcessPath();
    if (!existsSync(script))
      throw new Error(`@faultline/testkit: the receiver's script ${script} is missing`);
    const environment: NodeJS.ProcessEnv = { ...process.env, [RECEIVER_PORT_VARIABLE]: String(port) };
    // NODE_OPTIONS may --import the app's Sentry instrumentation, which must not run in the receiver.
    delete environment.NODE_OPTIONS;
    const child = spawn(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script], {
      cwd: dirname(script),
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      windowsHide: true,
    });
    killOnExit(child);
    const receiver = new ReceiverChild(child);
    receiver.port = await receiver.started().catch(async (error: unknown) => {
      await receiver.close();
      throw error;
    });
    // An idle receiver must not keep the test process alive; requests hold it while they wait.
    child.unref();
    child.channel?.unref();
    (child.stderr as Socket | null)?.unref();
    return receiver;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Calls `listener` after each envelope the receiver records; returns a function that unsubscribes. */
  onReceived(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command and resolves with its result. */
  request<T>(command: ReceiverCommand['command'], fields: object = {}): Promise<T> {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.reject(this.failure('has exited'));
    const id = ++this.lastId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.child.channel?.ref();
      this.child.send({ ...fields, id, command }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(this.failure(`could not be reached: ${error.message}`));
      });
    }).finally(() => {
      if (this.pending.size === 0) this.child.channel?.unref();
    });
  }

  /** Ends the process (SIGTERM, then SIGKILL if it lingers); resolves once it has exited. */
  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.ref();
      this.child.kill('SIGTERM');
      const lingering = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_GRACE_MS);
      await this.exited;
      clearTimeout(lingering);
    }
  }

  private started(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(this.failure(`did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const settle = (message: ReceiverMessage) => {
        if (message.type === 'listening') resolve(message.port);
        else if (message.type === 'failed') reject(this.failure(`could not listen: ${message.error}`));
        else return;
        clearTimeout(timer);
        this.child.off('message', settle);
      };
      this.child.on('message', settle);
      this.child.once('exit', () => {
        clearTimeout(timer);
        reject(this.failure('exited before it listened'));
      });
    });
  }

  private onMessage(message: ReceiverMessage): void {
    if (message.type === 'received') for (const listener of this.listeners) listener();
    if (message.type !== 'reply') return;
    const reply = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.error !== undefined) reply?.reject(new Error(`loopback receiver: ${message.error}`));
    else reply?.resolve(message.result);
  }

  private failure(what: string): Error {
    const stderr = this.stderr.trim();
    return new Error(`@faultline/testkit: the loopback receiver ${what}${stderr ? `:\n${stderr}` : ''}`);
  }
}
