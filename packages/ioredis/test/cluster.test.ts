import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisServer } from '@faultline/test-servers';
import { startSpan } from '@sentry/core';
import { Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instrumentRedis, SENTRY_REDIS_INTEGRATION } from '../src/index.js';
import { initSentry } from './sentry.js';

let server: RedisServer;
let dir: string;
const clusters: Cluster[] = [];

/** A one-node cluster: cluster mode on, every slot assigned to the one node. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-ioredis-cluster-'));
  server = await RedisServer.start({
    args: [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, 'nodes.conf'),
      '--cluster-announce-ip',
      '127.0.0.1',
    ],
  });
  const admin = new Redis({ host: '127.0.0.1', port: server.port });
  await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  while (!String(await admin.call('CLUSTER', 'INFO')).includes('cluster_state:ok')) await sleep(50);
  admin.disconnect();
});

afterEach(() => {
  for (const cluster of clusters.splice(0)) cluster.disconnect();
});

afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function cluster(): Promise<Cluster> {
  const created = new Cluster([{ host: '127.0.0.1', port: server.port }]);
  clusters.push(created);
  await once(created, 'ready');
  return created;
}

describe('instrumentRedis(cluster)', () => {
  it('makes command and pipeline spans, with the startup node as the target', async () => {
    const sentry = initSentry();
    const client = instrumentRedis(await cluster(), { breadcrumbs: 'with-spans' });
    await startSpan({ name: 'root' }, () =>
      Promise.all([
        client.set('c:1', 'v'),
        client.get('c:1'),
        client.pipeline().get('c:1').incr('c:n').exec(),
      ]),
    );
    expect(sentry.childSpans().map((span) => span.name)).toEqual(['SET c:1 ?', 'GET c:1', 'PIPELINE']);
    for (const span of sentry.childSpans()) {
      expect(span.data['db.system.name']).toBe('redis');
      expect(span.data['server.address']).toBeUndefined();
    }
    const crumbs = sentry.breadcrumbs();
    expect(crumbs.map((crumb) => crumb.data?.['redis.host'])).toEqual(
      Array(3).fill(`127.0.0.1:${server.port}`),
    );
  });

  it("makes no spans when @sentry/node's Redis integration is installed (it traces the node clients)", async () => {
    const sentry = initSentry({ integrations: [{ name: SENTRY_REDIS_INTEGRATION, setupOnce() {} }] });
    const client = instrumentRedis(await cluster());
    await startSpan({ name: 'root' }, () => client.get('c:1'));
    expect(sentry.childSpans()).toEqual([]);
    expect(sentry.breadcrumbs().map((crumb) => crumb.message)).toEqual(['GET c:1']);
  });

  it('returns the same cluster when instrumented twice', async () => {
    initSentry();
    const client = await cluster();
    expect(instrumentRedis(instrumentRedis(client))).toBe(client);
  });
});
