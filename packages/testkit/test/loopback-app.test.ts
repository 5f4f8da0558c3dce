import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackReceiver, startLoopbackReceiver } from '../src/index.js';
import {
  kill,
  lastJsonLine,
  packageDir,
  runToEnd,
  scenario,
  sourceNodeArguments,
} from './support/node-process.js';

/** scenarios/app.mjs: @sentry/node 11 with its own HTTP transport, in its own process. */
class App {
  private constructor(private readonly child: ChildProcess) {}

  static async start(dsn: string): Promise<App> {
    const child = spawn(process.execPath, [scenario('app.mjs')], {
      cwd: packageDir,
      env: { ...process.env, SENTRY_DSN: dsn },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await once(child, 'message');
    return new App(child);
  }

  /** Captures, then waits for the SDK's flush. */
  async send(command: { error?: string; padding?: number; log?: string }): Promise<void> {
    const answer = once(this.child, 'message');
    this.child.send(command);
    await answer;
  }

  stop(): void {
    kill(this.child);
  }
}

let receiver: LoopbackReceiver | undefined;
let app: App | undefined;
afterEach(async () => {
  app?.stop();
  await receiver?.close();
});

async function startBoth(): Promise<{ receiver: LoopbackReceiver; app: App }> {
  receiver = await startLoopbackReceiver();
  app = await App.start(receiver.dsn);
  return { receiver, app };
}

const errorValues = async (from: LoopbackReceiver) =>
  (await from.events()).map((event) => event.exception?.values?.[0]?.value);

describe('the loopback receiver with a real @sentry/node 11 app', () => {
  it('records what the HTTP transport sends; an envelope over 32 KB arrives gzip-compressed', async () => {
    const { receiver, app } = await startBoth();
    await app.send({ error: 'small failure' });
    await app.send({ error: 'large failure', padding: 40_000 });

    expect(await errorValues(receiver)).toEqual(['small failure', 'large failure']);
    const [small, large] = await receiver.envelopes();
    expect(small?.contentEncoding).toBeUndefined();
    expect(large?.contentEncoding).toBe('gzip');
    expect(large?.raw.length).toBeGreaterThan(32 * 1024);
    expect((await receiver.events())[1]?.extra?.padding).toHaveLength(40_000);
  });

  it('a 429 with retry-after and x-sentry-rate-limits: the SDK backs off errors, and the next envelope gets 200', async () => {
    const { receiver, app } = await startBoth();
    await receiver.respondWith({
      status: 429,
      headers: { 'retry-after': '60', 'x-sentry-rate-limits': '60:error:key' },
      times: 1,
    });
    await app.send({ error: 'rejected with 429' });
    await app.send({ error: 'held back by the SDK' });
    await app.send({ log: 'logs still flow' });

    expect(await receiver.rejected()).toBe(1);
    expect(await receiver.events()).toEqual([]);
    expect((await receiver.logs()).map((log) => log.body)).toEqual(['logs still flow']);
    const reports = (await receiver.items('client_report')) as Array<{ discarded_events: unknown[] }>;
    expect(reports.flatMap((report) => report.discarded_events)).toContainEqual({
      reason: 'ratelimit_backoff',
      category: 'error',
      quantity: 1,
    });
  });

  it('a 503 until reset(): every envelope is refused, then recorded again', async () => {
    const { receiver, app } = await startBoth();
    await receiver.respondWith({ status: 503 });
    await app.send({ error: 'refused one' });
    await app.send({ error: 'refused two' });
    expect(await receiver.rejected()).toBe(2);
    await receiver.reset();
    await app.send({ error: 'accepted' });
    expect(await errorValues(receiver)).toEqual(['accepted']);
  });

  it('stop() makes Sentry unreachable; restart() on the same port lets the same DSN through again', async () => {
    const { receiver, app } = await startBoth();
    await app.send({ error: 'before' });
    await receiver.stop();
    await app.send({ error: 'lost while down' });
    await receiver.restart();
    await app.send({ error: 'after restart' });
    expect(await errorValues(receiver)).toEqual(['before', 'after restart']);
  });
});

describe('the loopback receiver used from a test process that @sentry/node instruments', () => {
  it('is never traced: the only span is the test’s own', async () => {
    const report = lastJsonLine<{ spans: unknown[] }>(
      await runToEnd(sourceNodeArguments(scenario('instrumented-parent.mjs'))),
    );
    expect(report.spans).toEqual([{ name: 'test body', op: 'test' }]);
  });
});
