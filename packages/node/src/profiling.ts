import { createRequire } from 'node:module';
import type { Integration } from '@sentry/core';
import type { LogLine } from './log.js';

const PACKAGE = '@sentry/profiling-node';

type ProfilingModule = { nodeProfilingIntegration(): Integration };

/**
 * A `require` resolving from this module: by its file name in the CJS build, by its URL in the
 * ESM build (where bundlers replace a bare `require` with a shim that throws).
 */
function localRequire(): NodeJS.Require {
  return createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/**
 * The profiling integration of `@sentry/profiling-node` (an optional peer), loaded only when a
 * profile sample rate is set. When the package is missing or fails to load, says so in one line
 * and returns undefined: the app runs on without profiling.
 */
export function loadProfiling(
  log: LogLine,
  load: (name: string) => unknown = localRequire(),
): Integration | undefined {
  try {
    return (load(PACKAGE) as ProfilingModule).nodeProfilingIntegration();
  } catch (error) {
    log(
      isMissing(error)
        ? `SENTRY_PROFILES_SAMPLE_RATE is set but ${PACKAGE} is not installed: profiling is off. Install it (npm install ${PACKAGE}) or unset the rate.`
        : `SENTRY_PROFILES_SAMPLE_RATE is set but ${PACKAGE} failed to load (${(error as Error)?.message ?? error}): profiling is off.`,
    );
    return undefined;
  }
}
