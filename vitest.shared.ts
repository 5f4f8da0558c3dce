import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared by every package's `vitest.config.ts`. The `@faultline/source` export condition makes
 * sibling packages resolve to their `src/`, so tests never need a prior build.
 */
const conditions = ['@faultline/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
