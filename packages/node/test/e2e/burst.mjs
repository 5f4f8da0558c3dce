// A burst of one error, with Faultline configured from the environment only (the test leaves
// SENTRY_DSN unset or sets it). Prints { closed } when Faultline closed.
import { ErrorTracker, init } from '@faultline/node';

const faultline = init();
for (let i = 0; i < Number(process.env.BURST_SIZE ?? 6); i++)
  ErrorTracker.captureException(new Error('card 4111 1111 1111 1111 declined for burst.user@example.com'));
const closed = await faultline.close(10_000);
process.stdout.write(`${JSON.stringify({ closed })}\n`);
