import { describe, expect, it } from 'vitest';
import { byteSize, cacheOperation, readResult, ttlSeconds, writtenSize } from '../src/cache.js';

describe('cache conventions', () => {
  it.each([
    ['get', ['session:1'], 'cache.get'],
    ['MGET', ['other', 'session:1'], 'cache.get'],
    ['getex', ['session:1', 'EX', 5], 'cache.get'],
    ['set', ['session:1', 'v'], 'cache.put'],
    ['setex', ['session:1', 5, 'v'], 'cache.put'],
    ['psetex', ['session:1', 5, 'v'], 'cache.put'],
    ['setnx', ['session:1', 'v'], 'cache.put'],
    ['mset', ['session:1', 'v'], 'cache.put'],
    ['del', ['session:1'], 'cache.remove'],
    ['unlink', ['session:1'], 'cache.remove'],
    ['get', ['user:1'], undefined],
    ['hget', ['session:1'], undefined],
    ['incr', ['session:1'], undefined],
  ])('%s %j is %s', (name, keys, operation) => {
    expect(cacheOperation(name, keys as string[], ['session:', 'cache:'])).toBe(operation);
  });

  it('makes no cache span without prefixes', () => {
    expect(cacheOperation('get', ['session:1'], [])).toBeUndefined();
  });

  it('measures values in bytes as Redis stores them', () => {
    expect(byteSize('abc')).toBe(3);
    expect(byteSize('héllo €')).toBe(10);
    expect(byteSize(Buffer.from([1, 2, 3, 4]))).toBe(4);
    expect(byteSize(12345)).toBe(5);
    expect(byteSize(['ab', null, 'cde'])).toBe(5);
    expect(byteSize(null)).toBe(0);
  });

  it('takes the size of the value written, not of the key or the options', () => {
    expect(writtenSize('set', ['a-long-key', 'value', 'EX', 60])).toBe(5);
    expect(writtenSize('SETEX', ['k', 60, 'value!'])).toBe(6);
    expect(writtenSize('psetex', ['k', 60_000, 'v'])).toBe(1);
    expect(writtenSize('mset', ['k1', 'aa', 'k2', 'bbb'])).toBe(5);
    expect(writtenSize('get', ['k'])).toBeUndefined();
  });

  it('reads the time to live in seconds', () => {
    const now = 1_700_000_000_000;
    expect(ttlSeconds('setex', ['k', 30, 'v'])).toBe(30);
    expect(ttlSeconds('psetex', ['k', 1500, 'v'])).toBe(1.5);
    expect(ttlSeconds('set', ['k', 'v', 'EX', 60])).toBe(60);
    expect(ttlSeconds('set', ['k', 'v', 'NX', 'px', '2500'])).toBe(2.5);
    expect(ttlSeconds('set', ['k', 'v', 'EXAT', now / 1000 + 90], now)).toBe(90);
    expect(ttlSeconds('set', ['k', 'v', 'PXAT', now + 1234], now)).toBe(1.234);
    expect(ttlSeconds('getex', ['k', 'EX', 10])).toBe(10);
    expect(ttlSeconds('set', ['k', 'v', 'KEEPTTL'])).toBeUndefined();
    expect(ttlSeconds('set', ['k', 'EX'])).toBeUndefined(); // 'EX' is the value here
    expect(ttlSeconds('get', ['k'])).toBeUndefined();
  });

  it('calls a reply a hit when a value came back, and measures what came back', () => {
    expect(readResult('value')).toEqual({ hit: true, size: 5 });
    expect(readResult('')).toEqual({ hit: true, size: 0 });
    expect(readResult(null)).toEqual({ hit: false, size: 0 });
    expect(readResult(['ab', null])).toEqual({ hit: true, size: 2 });
    expect(readResult([null, null])).toEqual({ hit: false, size: 0 });
  });
});
