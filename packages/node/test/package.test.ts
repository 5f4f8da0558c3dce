import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url);
const sources = readdirSync(SRC)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(new URL(name, SRC), 'utf8')] as const);

describe('the package', () => {
  it('exports init, ErrorTracker and ConfigError', () => {
    expect(Object.keys(api).sort()).toEqual(['ConfigError', 'ErrorTracker', 'init']);
  });

  it('reaches other Faultline packages only through their public entry', () => {
    for (const [name, text] of sources)
      expect(text, name).not.toMatch(/from '@faultline\/[^']+\/|\.\.\/\.\.\//);
  });

  it('keeps every source file under 200 lines', () => {
    for (const [name, text] of sources) expect(text.split('\n').length, name).toBeLessThan(200);
  });
});
