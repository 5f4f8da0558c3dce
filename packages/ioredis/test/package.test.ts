import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url);
const sources = readdirSync(SRC)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(new URL(name, SRC), 'utf8')] as const);

describe('the package', () => {
  it('imports @sentry/core at run time and nothing else; ioredis for types only', () => {
    for (const [name, text] of sources) {
      const imports = text.match(/^import[^;]*;/gms) ?? [];
      for (const line of imports) {
        const from = /from '([^']+)'/.exec(line)?.[1] ?? '';
        if (from === 'ioredis') expect(line, name).toMatch(/^import type /);
        else expect([name, from.startsWith('./') || from === '@sentry/core']).toEqual([name, true]);
      }
      expect(text, name).not.toMatch(/import\(|require\(/);
    }
  });

  it('keeps its files small', () => {
    for (const [name, text] of sources) expect([name, text.split('\n').length < 200]).toEqual([name, true]);
  });

  it('exports instrumentRedis, the sanitizer, its errors and the integration name', () => {
    expect(Object.keys(api).sort()).toEqual([
      'InstrumentRedisOptionsError',
      'RedisConnectionError',
      'SENTRY_REDIS_INTEGRATION',
      'instrumentRedis',
      'sanitizeRedisCommand',
    ]);
  });
});
