import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackReceiver, startLoopbackReceiver } from '../src/index.js';
import { exitsWithin, isRunning, runToEnd, scenario, sourceNodeArguments } from './support/node-process.js';

const envelope = (message: string) =>
  `{"event_id":"${'c'.repeat(32)}"}\n{"type":"event"}\n${JSON.stringify({ message, breadcrumbs: [{ message: 'b' }] })}`;

let receiver: LoopbackReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function post(body: string | Buffer, headers: Record<string, string> = {}, path = '/api/1/envelope/') {
  const response = await fetch(`${receiver!.url}${path}`, { method: 'POST', body, headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('startLoopbackReceiver', () => {
  it('listens on 127.0.0.1 in a child process and gives a DSN for Sentry.init', async () => {
    receiver = await startLoopbackReceiver();
    expect(receiver.port).toBeGreaterThan(0);
    expect(receiver.url).toBe(`http://127.0.0.1:${receiver.port}`);
    expect(receiver.dsn).toBe(`http://public@127.0.0.1:${receiver.port}/1`);
    expect(receiver.pid).not.toBe(process.pid);
    expect(isRunning(receiver.pid)).toBe(true);
  });

  it('records plain, gzip, deflate and br bodies, with their encoding and path', async () => {
    receiver = await startLoopbackReceiver();
    expect((await post(envelope('plain'))).status).toBe(200);
    expect(JSON.parse((await post(gzipSync(envelope('gzip')), { 'content-encoding': 'gzip' })).body)).toEqual(
      {
        id: 'c'.repeat(32),
      },
    );
    await post(deflateSync(envelope('deflate')), { 'content-encoding': 'deflate' });
    await post(brotliCompressSync(envelope('br')), { 'content-encoding': 'br' }, '/api/42/envelope');

    const recorded = await receiver.envelopes();
    expect(recorded.map((sent) => [sent.contentEncoding, sent.path])).toEqual([
      [undefined, '/api/1/envelope/'],
      ['gzip', '/api/1/envelope/'],
      ['deflate', '/api/1/envelope/'],
      ['br', '/api/42/envelope'],
    ]);
    expect(recorded[1]?.raw).toBe(envelope('gzip'));
    expect((await receiver.events()).map((event) => event.message)).toEqual([
      'plain',
      'gzip',
      'deflate',
      'br',
    ]);
    expect(await receiver.breadcrumbs()).toHaveLength(4);
    expect(await receiver.items('event')).toHaveLength(4);
    expect(await receiver.spans()).toEqual([]);
  });

  it('answers 404 off the envelope path, and keeps a body that is not an envelope with an error', async () => {
    receiver = await startLoopbackReceiver();
    expect((await post(envelope('x'), {}, '/envelopes')).status).toBe(404);
    expect((await fetch(`${receiver.url}/api/1/envelope/`)).status).toBe(404);
    expect((await post('not json at all')).status).toBe(400);
    expect((await post(Buffer.from('garbage'), { 'content-encoding': 'gzip' })).status).toBe(400);
    const [notJson, notGzip] = await receiver.envelopes();
    expect(notJson).toMatchObject({
      raw: 'not json at all',
      items: [],
      error: expect.stringContaining('not a valid'),
    });
    expect(notGzip?.error).toMatch(/^cannot decode the body/);
  });

  it('respondWith answers `times` envelopes with the scripted status and headers, counts them, then 200', async () => {
    receiver = await startLoopbackReceiver();
    await receiver.respondWith({ status: 429, headers: { 'retry-after': '60' }, times: 2 });
    const first = await post(envelope('one'));
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('60');
    expect((await post(envelope('two'))).status).toBe(429);
    expect((await post(envelope('three'))).status).toBe(200);
    expect(await receiver.rejected()).toBe(2);
    expect((await receiver.events()).map((event) => event.message)).toEqual(['three']);
  });

  it('respondWith without times holds until reset(), which also forgets envelopes and the count', async () => {
    receiver = await startLoopbackReceiver();
    await post(envelope('before'));
    await receiver.respondWith({ status: 503 });
    for (let attempt = 0; attempt < 3; attempt++) expect((await post(envelope('down'))).status).toBe(503);
    expect(await receiver.rejected()).toBe(3);
    await receiver.reset();
    expect(await receiver.rejected()).toBe(0);
    expect(await receiver.envelopes()).toEqual([]);
    expect((await post(envelope('after'))).status).toBe(200);
    await receiver.respondWith({
      status: 200,
      headers: { 'x-sentry-rate-limits': '60:transaction:key' },
      times: 1,
    });
    expect((await post(envelope('limited'))).headers.get('x-sentry-rate-limits')).toBe('60:transaction:key');
    expect((await receiver.events()).map((event) => event.message)).toEqual(['after', 'limited']);
    await expect(receiver.respondWith({ status: 99 })).rejects.toThrow(/status must be an HTTP status/);
    await expect(receiver.respondWith({ status: 429, times: 0 })).rejects.toThrow(
      /times must be a whole number/,
    );
  });

  it('stop() refuses connections, restart() listens on the same port and keeps what was recorded', async () => {
    receiver = await startLoopbackReceiver();
    await post(envelope('before'));
    await receiver.stop();
    await expect(post(envelope('while down'))).rejects.toThrow();
    await receiver.restart();
    await post(envelope('after'));
    expect((await receiver.events()).map((event) => event.message)).toEqual(['before', 'after']);
  });

  it('waitFor is notified of each envelope, and times out with what was recorded', async () => {
    receiver = await startLoopbackReceiver();
    const waiting = receiver.waitFor((sent) => sent.events().length === 2);
    await post(envelope('one'));
    await post(envelope('two'));
    expect((await waiting).events().map((event) => event.message)).toEqual(['one', 'two']);
    await expect(receiver.waitFor((sent) => sent.events().length > 2, { timeoutMs: 50 })).rejects.toThrow(
      /did not hold within 50 ms; 2 envelope\(s\) were recorded \(items: event ×2\)/,
    );
  });

  it('listens on a given port, and says so when the port is taken', async () => {
    receiver = await startLoopbackReceiver();
    const taken = receiver.port;
    await expect(startLoopbackReceiver({ port: taken })).rejects.toThrow(/could not listen: .*EADDRINUSE/);
    await receiver.close();
    receiver = await startLoopbackReceiver({ port: taken });
    expect(receiver.dsn).toBe(`http://public@127.0.0.1:${taken}/1`);
    await expect(startLoopbackReceiver({ port: -1 })).rejects.toThrow(TypeError);
  });

  it('close() ends the process and resolves once it has exited; later calls fail clearly', async () => {
    receiver = await startLoopbackReceiver();
    const { pid } = receiver;
    await receiver.close();
    expect(isRunning(pid)).toBe(false);
    await receiver.close();
    await expect(receiver.envelopes()).rejects.toThrow(/the loopback receiver has exited/);
  });
});

describe('the receiver process never outlives the test process', () => {
  it('when the test process exits without close()', async () => {
    const finished = await runToEnd(sourceNodeArguments(scenario('orphaned-receiver.mjs')), {
      env: { EXIT: 'now' },
    });
    expect(finished.code).toBe(0);
    const { pid } = JSON.parse(finished.stdout) as { pid: number };
    expect(await exitsWithin(pid, 5_000)).toBe(true);
  });

  it('when the test process is killed', async () => {
    const parent = spawn(process.execPath, sourceNodeArguments(scenario('orphaned-receiver.mjs')), {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
    const { pid } = JSON.parse(line) as { pid: number };
    expect(isRunning(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await exitsWithin(pid, 5_000)).toBe(true);
  });
});
