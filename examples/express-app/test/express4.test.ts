import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo.js';
import { canImport, RUN_TIMEOUT_MS, standInEnv } from './helpers.js';

// `express4` (npm:express@4) is an optional devDependency of this package: the same app on Express 4.
describe.skipIf(!canImport('express4'))('pnpm demo on Express 4', () => {
  it(
    'holds: no secret on the wire, every grouping, one burst alert',
    async () => {
      const result = await runDemo({
        packages: 'source',
        env: standInEnv(),
        redis: false,
        expressModule: 'express4',
      });
      expect(result.failures, result.report).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
