import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url);
const sources = readdirSync(SRC)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(new URL(name, SRC), 'utf8')] as const);

describe('the package', () => {
  it('imports @sentry/core for types only, and ioredis only lazily', () => {
    for (const [name, text] of sources) {
      const imports = text.match(/^import[^;]*;/gms) ?? [];
      for (const line of imports) {
        if (line.includes("'@sentry/core'")) expect(line, name).toMatch(/^import type /);
        expect(line, name).not.toContain("'ioredis'");
      }
    }
    expect(sources.filter(([, text]) => text.includes("import('ioredis')")).map(([name]) => name)).toEqual([
      'redis-client.ts',
    ]);
  });

  it('exports the engine, the integration, both stores and the error', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AlertOptionsError',
      'StoreWriteError',
      'alertsIntegration',
      'createAlertEngine',
      'memoryStore',
      'redisStore',
    ]);
  });
});
