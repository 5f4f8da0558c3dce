// Starts a loopback receiver and never closes it. Prints {"pid":N} of the receiver, then either
// exits at once (EXIT=now) or waits to be killed.
import { startLoopbackReceiver } from '@faultline/testkit';

const receiver = await startLoopbackReceiver();
process.stdout.write(`${JSON.stringify({ pid: receiver.pid })}\n`);
if (process.env.EXIT !== 'now') setInterval(() => {}, 60_000);
