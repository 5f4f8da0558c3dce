import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url);
const sources = readdirSync(SRC)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(new URL(name, SRC), 'utf8')] as const);

/** Public @sentry/core functions the package calls; each exists in @sentry/core 10 and 11. */
const SENTRY_RUNTIME = [
  'captureCheckIn',
  'captureException',
  'continueTrace',
  'extractTraceparentData',
  'getTraceData',
  'startNewTrace',
  'startSpan',
  'withIsolationScope',
];

describe('the package', () => {
  it('imports bullmq for types only, and only the public @sentry/core functions it needs', () => {
    const used = new Set<string>();
    for (const [name, text] of sources) {
      for (const line of text.match(/^import[^;]*;/gms) ?? []) {
        if (line.includes("'bullmq'")) expect(line, name).toMatch(/^import type /);
        if (!line.includes("'@sentry/core'") || line.startsWith('import type ')) continue;
        const names = line.replace(/^import \{|\} from.*$/gs, '').split(',');
        for (const entry of names.map((part) => part.trim()).filter(Boolean))
          if (!entry.startsWith('type ')) used.add(entry);
      }
    }
    expect([...used].sort()).toEqual(SENTRY_RUNTIME);
  });

  it('finds each of them in @sentry/core 10 and 11', async () => {
    const [v11, v10] = await Promise.all([import('@sentry/core'), import('@sentry/core-v10')]);
    for (const name of SENTRY_RUNTIME) {
      expect(typeof (v11 as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (v10 as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('exports the processor wrapper, the queue instrumentation and the option name', () => {
    expect(Object.keys(api).sort()).toEqual(['TRACE_OPTION', 'instrumentQueue', 'withSentry']);
    expect(api.TRACE_OPTION).toBe('faultline');
  });
});
