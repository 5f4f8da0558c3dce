import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const read = (directory: URL) =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mjs|cjs)$/.test(name))
    .map((name) => [name, readFileSync(new URL(name, directory), 'utf8')] as const);
const sources = read(new URL('../src/', import.meta.url));
const tests = read(new URL('./', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const importsOf = (text: string) =>
  (text.match(/^import[^;]*;/gms) ?? []).map((line) => ({
    line,
    from: line.match(/from '([^']+)'/)?.[1] ?? '',
  }));

describe('the package', () => {
  it('imports at run time only @sentry/core and Node built-ins', () => {
    for (const [name, text] of sources) {
      for (const { line, from } of importsOf(text)) {
        if (from.startsWith('./') || line.startsWith('import type ')) continue;
        expect([name, from]).toEqual([name, expect.stringMatching(/^(@sentry\/core|node:[a-z_/]+)$/)]);
      }
      expect(text, name).not.toMatch(/\brequire\(|import\(/);
    }
  });

  it('keeps the receiver process free of Sentry: it imports only Node and its own modules', () => {
    const reachable = new Set(['receiver-process.ts']);
    for (const name of reachable) {
      const text = sources.find(([source]) => source === name)?.[1] ?? '';
      for (const { line, from } of importsOf(text)) {
        if (from.startsWith('./')) reachable.add(from.slice(2).replace(/\.js$/, '.ts'));
        else if (!line.startsWith('import type ')) expect(from, name).toMatch(/^node:/);
      }
    }
    expect([...reachable].sort()).toEqual([
      'envelope-parser.ts',
      'receiver-process.ts',
      'receiver-protocol.ts',
      'receiver-server.ts',
      'receiver-types.ts',
      'types.ts',
    ]);
  });

  it('keeps every source and test file under 200 lines', () => {
    for (const [name, text] of [...sources, ...tests])
      expect(text.split('\n').length, name).toBeLessThan(200);
  });

  it('exports the transport, the receiver, the secret search and the planted secrets', () => {
    expect(Object.keys(api).sort()).toEqual([
      'SecretLeakError',
      'assertNoSecrets',
      'createTestTransport',
      'findSecrets',
      'plantedSecretValues',
      'plantedSecrets',
      'startLoopbackReceiver',
    ]);
  });

  it('has @sentry/core as its only peer and no runtime dependency; the receiver process is an entry of its own', () => {
    expect(packageJson.peerDependencies).toEqual({ '@sentry/core': '^10.0.0 || ^11.0.0' });
    expect(packageJson.dependencies).toBeUndefined();
    expect(Object.keys(packageJson.exports)).toEqual(['.', './receiver-process', './package.json']);
    expect(packageJson.exports['./receiver-process'].import.default).toBe('./dist/receiver-process.js');
  });
});
