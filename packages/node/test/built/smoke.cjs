// Run by `test:package` after the build: the CommonJS build starts, loads the optional profiling
// peer and captures without a DSN. Exits non-zero with the reason otherwise.
const assert = require('node:assert/strict');
const { ErrorTracker, init } = require('@faultline/node');

const lines = [];
const faultline = init({ env: { SENTRY_PROFILES_SAMPLE_RATE: '0.5' }, log: (line) => lines.push(line) });
assert.match(ErrorTracker.captureException(new Error('smoke')), /^[0-9a-f]{32}$/);
assert.deepEqual(lines, [
  'SENTRY_DSN is not set: Sentry is disabled. Scrubbing, grouping and alerts still run.',
]);
faultline.close(1_000).then((closed) => assert.equal(closed, true));
