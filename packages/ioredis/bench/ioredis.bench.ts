/**
 * `pnpm bench`: ioredis commands per second against a real redis-server, without and with
 * `instrumentRedis`, as a ratio. Traced rounds run inside active spans of a bare @sentry/core
 * client whose transport drops the envelopes, so the figures include making, ending and
 * serializing the spans. For scale, a third column sends each command with one bare Sentry span
 * around it: what any span per command costs. Rounds of the three are interleaved.
 */
import { instrumentRedis } from '@faultline/ioredis';
import { RedisServer } from '@faultline/test-servers';
import { createStackParser, setCurrentClient, startInactiveSpan, startSpan } from '@sentry/core';
import { ServerRuntimeClient } from '@sentry/core/server';
import { Redis } from 'ioredis';

const ROUNDS = 15;
const WARM_UP = 3;
const PER_ROUND = 2_000;
const PER_SPAN = 100;

const sentry = new ServerRuntimeClient({
  dsn: 'http://public@127.0.0.1:9/1',
  tracesSampleRate: 1,
  traceLifecycle: 'static',
  integrations: [],
  stackParser: createStackParser(),
  transport: () => ({ send: async () => ({}), flush: async () => true }),
});
setCurrentClient(sentry);
sentry.init();

const server = await RedisServer.start();
const connect = () => new Redis({ host: '127.0.0.1', port: server.port });
const plain = connect();
const traced = instrumentRedis(connect(), { cachePrefixes: ['session:'] });
await plain.set('session:1', 'x'.repeat(200));

/** One command: a GET on a cache key three times in four, else a SET with a TTL. */
type Send = (index: number) => Promise<unknown>;
const commands =
  (client: Redis): Send =>
  (index) =>
    index % 4 === 0 ? client.set(`session:${index}`, 'value', 'EX', 60) : client.get('session:1');
/** The same through the plain client, each inside a bare span of its own. */
const withBareSpan: Send = (index) => {
  const span = startInactiveSpan({ name: 'redis', op: 'db.redis' });
  return commands(plain)(index).finally(() => span.end());
};

const SENDERS = { plain: commands(plain), bareSpan: withBareSpan, instrumented: commands(traced) };

const WORKLOADS = {
  [`${PER_SPAN} concurrent commands per span`]: (send: Send) =>
    startSpan({ name: 'batch' }, () =>
      Promise.all(Array.from({ length: PER_SPAN }, (_, index) => send(index))),
    ),
  [`${PER_SPAN} sequential commands per span`]: (send: Send) =>
    startSpan({ name: 'sequence' }, async () => {
      for (let index = 0; index < PER_SPAN; index++) await send(index);
    }),
  [`${PER_SPAN} concurrent commands, no active span`]: (send: Send) =>
    Promise.all(Array.from({ length: PER_SPAN }, (_, index) => send(index))),
};

async function rate(workload: (send: Send) => Promise<unknown>, send: Send): Promise<number> {
  const start = process.hrtime.bigint();
  for (let done = 0; done < PER_ROUND; done += PER_SPAN) await workload(send);
  return (PER_ROUND / Number(process.hrtime.bigint() - start)) * 1e9;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const format = (perSecond: number) => `${(perSecond / 1000).toFixed(1)} k/s`;

const rows = [];
for (const [name, workload] of Object.entries(WORKLOADS)) {
  const rates: Record<keyof typeof SENDERS, number[]> = { plain: [], bareSpan: [], instrumented: [] };
  const untraced = name.includes('no active span');
  for (let round = 0; round < ROUNDS + WARM_UP; round++)
    for (const [sender, send] of Object.entries(SENDERS) as [keyof typeof SENDERS, Send][]) {
      if (untraced && sender === 'bareSpan') continue;
      const measured = await rate(workload, send);
      if (round >= WARM_UP) rates[sender].push(measured);
    }
  const [without, bare, withIt] = [median(rates.plain), median(rates.bareSpan), median(rates.instrumented)];
  rows.push({
    workload: name,
    'without instrumentRedis': format(without),
    'with instrumentRedis': format(withIt),
    'with / without': (withIt / without).toFixed(2),
    'one bare span per command': untraced ? '—' : `${format(bare)} (${(bare / without).toFixed(2)})`,
  });
}

console.log(
  `ioredis commands per second, median of ${ROUNDS} interleaved rounds of ${PER_ROUND} (Node ${process.version})`,
);
console.table(rows);
plain.disconnect();
traced.disconnect();
await sentry.close(1000);
await server.kill();
