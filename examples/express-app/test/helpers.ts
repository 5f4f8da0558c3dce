import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The caller's environment without the settings that would switch the demo to real services or
 * to an outside Redis: the tests always run against the stand-ins.
 */
export function standInEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SENTRY_|FAULTLINE_|SMTP_URL$|REDIS_URL$)/.test(name)),
  );
}

/**
 * True when `src/server.ts` can import `name` (an optional test dependency such as `express4`):
 * ESM looks in `node_modules` of each enclosing folder, and ignores the NODE_PATH pnpm sets.
 */
export function canImport(name: string): boolean {
  for (let folder = fileURLToPath(new URL('../src', import.meta.url)); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules', name, 'package.json'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/** A whole run of the demo takes a few seconds; on a loaded CI machine, more. */
export const RUN_TIMEOUT_MS = 120_000;
