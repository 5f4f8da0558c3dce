// Faultline with SENTRY_PROFILES_SAMPLE_RATE set: prints which integrations Sentry runs and the
// profiling options it got.

import { init } from '@faultline/node';
import * as Sentry from '@sentry/node';

const faultline = init();
await Sentry.startSpan({ name: 'profiled work' }, () => new Promise((resolve) => setTimeout(resolve, 50)));
const options = Sentry.getClient()?.getOptions() ?? {};
const profiling = Sentry.getClient()?.getIntegrationByName('ProfilingIntegration') !== undefined;
const closed = await faultline.close(5_000);
process.stdout.write(
  `${JSON.stringify({ profiling, rate: options.profileSessionSampleRate, lifecycle: options.profileLifecycle, closed })}\n`,
);
