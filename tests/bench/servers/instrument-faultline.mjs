// `node --import ./instrument-faultline.mjs server.mjs`: Faultline's init() as its README sets it up,
// every setting (SENTRY_DSN, SENTRY_TRACES_SAMPLE_RATE, SENTRY_SLACK_WEBHOOK_URL) from the
// environment. BENCH_VARIANT=faultline-lean calls init({ mode: 'lean' }); a build of
// @faultline/node without that option makes the process exit with LEAN_UNSUPPORTED (78).
import { init } from '@faultline/node';

export const LEAN_UNSUPPORTED = 78;

/** True for the ConfigError init() throws for an option it does not know, here `mode`. */
function rejectsMode(error) {
  const issues = Array.isArray(error?.issues) ? error.issues : [];
  return error?.name === 'ConfigError' && issues.some((issue) => String(issue.key).includes('mode'));
}

function start() {
  if (process.env.BENCH_VARIANT !== 'faultline-lean') return init();
  try {
    return init({ mode: 'lean' });
  } catch (error) {
    if (!rejectsMode(error)) throw error;
    console.error("[bench] init({ mode: 'lean' }) is not supported by this build of @faultline/node");
    process.exit(LEAN_UNSUPPORTED);
  }
}

export const faultline = start();
