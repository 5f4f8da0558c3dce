import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url);
const sources = readdirSync(SRC)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(new URL(name, SRC), 'utf8')] as const);

describe('the package', () => {
  it('imports at run time only @sentry/core and @faultline/scrub; Express and @faultline/alerts never', () => {
    for (const [name, text] of sources) {
      for (const line of text.match(/^import[^;]*;/gms) ?? []) {
        const from = line.match(/from '([^']+)'/)?.[1] ?? '';
        if (from.startsWith('./')) continue;
        if (!line.startsWith('import type '))
          expect([name, from]).toEqual([name, expect.stringMatching(/^(@sentry\/core|@faultline\/scrub)$/)]);
        expect(from, name).not.toMatch(/^express|^@faultline\/alerts/);
      }
      expect(text, name).not.toMatch(/\brequire\(|import\(/);
    }
  });

  it('keeps every source file under 200 lines', () => {
    for (const [name, text] of sources) expect(text.split('\n').length, name).toBeLessThan(200);
  });

  it('exports the two middlewares, the default filter and the mechanism', () => {
    expect(Object.keys(api).sort()).toEqual([
      'MECHANISM',
      'defaultShouldHandleError',
      'errorHandler',
      'requestHandler',
    ]);
  });
});
