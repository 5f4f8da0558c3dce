/**
 * One process of a fleet: `node --conditions=@faultline/source --import tsx test/fleet-worker.ts <redis url> <prefix> <events>`.
 * Prints `{"ready":true}`, waits for a line on stdin, observes the burst, prints every alert its
 * notifier receives as `{"alert":…}` and finally `{"done":true,"flushed":…}`.
 */
import { createAlertEngine, type Event, redisStore } from '@faultline/alerts';

const [url, prefix, events] = process.argv.slice(2);
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const engine = createAlertEngine({
  notifiers: [
    {
      name: 'stdout',
      notify: async (alert) => {
        print({ alert });
      },
    },
  ],
  store: redisStore({ url: url!, prefix: prefix! }),
  errorRate: false,
  tickMs: 10,
  batchWaitMs: 0,
  onError: (error) => print({ error: String(error) }),
});

const event = (index: number): Event => ({
  event_id: `${process.pid.toString(16)}${index.toString(16)}`.padEnd(32, '0'),
  level: 'error',
  server_name: `worker-${process.pid}`,
  exception: {
    values: [
      {
        type: 'PaymentError',
        value: 'gateway timeout',
        stacktrace: { frames: [{ function: 'chargeCard', in_app: true }] },
      },
    ],
  },
});

process.stdin.once('data', async () => {
  for (let index = 0; index < Number(events); index++) {
    engine.observe(event(index));
    if (index % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 3)); // spread over several ticks
  }
  const flushed = await engine.close(10_000);
  print({ done: true, flushed });
  process.stdin.destroy();
});
print({ ready: true });
