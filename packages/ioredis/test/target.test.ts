import { Cluster, Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { connectionErrorCode } from '../src/outage.js';
import { errorType } from '../src/spans.js';
import { nodeLabel, targetOf, withoutCredentials } from '../src/target.js';

describe('the target', () => {
  it('is host:port from the options of a client made from a URL, without its credentials', () => {
    const client = new Redis('redis://admin:hunter2@cache.internal:6380/4', { lazyConnect: true });
    expect(targetOf(client)).toEqual({
      label: 'cache.internal:6380',
      address: 'cache.internal',
      port: 6380,
      db: 4,
    });
    expect(JSON.stringify(targetOf(client))).not.toContain('hunter2');
  });

  it('is the socket path, or the Sentinel group', () => {
    expect(targetOf(new Redis('/tmp/redis.sock', { lazyConnect: true }))).toMatchObject({
      label: '/tmp/redis.sock',
    });
    const sentinel = new Redis({
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'mymaster',
      lazyConnect: true,
    });
    expect(targetOf(sentinel)).toMatchObject({ label: 'mymaster (sentinel)', address: 'mymaster' });
  });

  it("is a cluster's first startup node, never its credentials", () => {
    const cluster = new Cluster(['redis://u:pass-in-url@10.0.0.1:7000', { host: '10.0.0.2', port: 7001 }], {
      lazyConnect: true,
    });
    expect(targetOf(cluster)).toEqual({ label: '10.0.0.1:7000 (+1 nodes)', db: 0 });
    expect(nodeLabel(7000)).toBe('127.0.0.1:7000');
    expect(nodeLabel('10.0.0.9:7002')).toBe('10.0.0.9:7002');
    expect(nodeLabel('rediss://:pw@h.example:7003')).toBe('h.example:7003');
    expect(withoutCredentials('user:pw@host:1')).toBe('host:1');
    expect(withoutCredentials('connect to redis://u:p@h:1 failed')).toBe('connect to redis://h:1 failed');
  });
});

describe('errors', () => {
  const error = (fields: Record<string, unknown>) =>
    Object.assign(new Error(String(fields.message ?? '')), fields);

  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:6379' }, 'ECONNREFUSED'],
    [{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }, 'ETIMEDOUT'],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'ECONNRESET'],
    [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND redis' }, 'ENOTFOUND'],
    [{ message: 'NOAUTH Authentication required.' }, 'NOAUTH'],
    [{ message: 'Ready check failed: NOAUTH Authentication required.' }, 'NOAUTH'],
    [{ message: 'WRONGPASS invalid username-password pair or user is disabled.' }, 'WRONGPASS'],
    [{ message: 'ERR invalid password' }, 'WRONGPASS'],
    [
      { name: 'MaxRetriesPerRequestError', message: 'Reached the max retries per request limit' },
      'MaxRetriesPerRequestError',
    ],
    [{ name: 'ClusterAllFailedError', message: 'Failed to refresh slots cache.' }, 'ClusterAllFailedError'],
    [{ message: 'WRONGTYPE Operation against a key holding the wrong kind of value' }, undefined],
    [{ message: 'Connection is closed.' }, undefined],
    [{ message: 'ERR unknown command' }, undefined],
  ])('%j is a connection error: %s', (fields, code) => {
    expect(connectionErrorCode(error(fields))).toBe(code);
  });

  it('names a command error by its reply code, never its message', () => {
    const reply = Object.assign(new Error("ERR user_script:1: Script attempted to access 'sk_live_x'"), {
      name: 'ReplyError',
    });
    expect(errorType(reply)).toBe('ERR');
    expect(errorType(error({ code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(errorType(Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' }))).toBe(
      'MaxRetriesPerRequestError',
    );
    expect(errorType('a string')).toBe('Error');
  });
});
