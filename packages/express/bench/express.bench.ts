/**
 * `pnpm bench`: the same Express 5 app (a nested router, one JSON route) in seven server processes,
 * loaded in turn by autocannon on 127.0.0.1: bare; with @sentry/node 11 (errors only); with
 * @sentry/node 11 and requestHandler() + errorHandler(); and, as a yardstick, with @sentry/node 11
 * and one empty middleware. Sentry is set up either with `--import` (its Express instrumentation
 * active, which traces every middleware) or after Express was loaded (inactive).
 *
 * After a warm-up the servers take turns, ROUNDS times; each adapter server runs right before or
 * right after its @sentry/node-alone twin (alternating). Printed: the median req/s and the
 * server's CPU time per request, and the adapter against @sentry/node alone in the same mode: the
 * median over the rounds of each adjacent pair's ratio, so that a machine busy with other work
 * affects both sides alike.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROUNDS = 7;
const SECONDS = 2;
const CONNECTIONS = 16;
const AIM = 0.97;
const serverScript = fileURLToPath(new URL('./server.mjs', import.meta.url));
const instrumentScript = fileURLToPath(new URL('./instrument.mjs', import.meta.url));

interface Server {
  label: string;
  mode: 'bare' | 'sentry' | 'empty' | 'adapter';
  instrumented: boolean;
  /** Index of the @sentry/node-alone server to compare with. */
  baseline?: number;
  child?: ChildProcess;
  port?: number;
  rates: number[];
  cpu: number[];
}

const servers: Server[] = [
  { label: 'bare Express 5', mode: 'bare', instrumented: false },
  { label: '@sentry/node 11, --import', mode: 'sentry', instrumented: true },
  { label: '  + requestHandler + errorHandler', mode: 'adapter', instrumented: true, baseline: 1 },
  { label: '  + an empty middleware', mode: 'empty', instrumented: true, baseline: 1 },
  { label: '@sentry/node 11, Express loaded first', mode: 'sentry', instrumented: false },
  { label: '  + requestHandler + errorHandler', mode: 'adapter', instrumented: false, baseline: 4 },
  { label: '  + an empty middleware', mode: 'empty', instrumented: false, baseline: 4 },
].map((server) => ({ ...server, rates: [], cpu: [] }) as Server);

async function start(server: Server): Promise<void> {
  const imports = ['--import', 'tsx', ...(server.instrumented ? ['--import', instrumentScript] : [])];
  const child = spawn(process.execPath, ['--conditions=@faultline/source', ...imports, serverScript], {
    env: { ...process.env, MODE: server.mode, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  server.child = child;
  server.port = message.port;
}

/** The server's CPU time so far (user + system), in µs. */
async function cpuOf(server: Server): Promise<number> {
  server.child!.send('cpu');
  const [message] = (await once(server.child!, 'message')) as [{ cpu: number }];
  return message.cpu;
}

/** Loads the server; returns req/s and its CPU µs per request. */
async function load(server: Server, seconds: number): Promise<[number, number]> {
  const before = await cpuOf(server);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/api/users/42`,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = (await cpuOf(server)) - before;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${server.label}: failed requests`);
  return [result.requests.average, cpu / result.requests.total];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const perRound = (server: Server, values: (s: Server) => number[], invert: boolean) =>
  median(
    values(server).map((value, round) => {
      const base = values(servers[server.baseline!]!)[round]!;
      return invert ? base / value : value / base;
    }),
  );

try {
  for (const server of servers) await start(server);
  for (const server of servers) await load(server, 1); // warm-up
  const order = [[0], [1, 2, 3], [4, 5, 6]];
  for (let round = 0; round < ROUNDS; round++) {
    for (const group of order) {
      for (const index of round % 2 === 0 ? group : [...group].reverse()) {
        const server = servers[index]!;
        const [rate, cpu] = await load(server, SECONDS);
        server.rates.push(rate);
        server.cpu.push(cpu);
      }
    }
  }
  const bare = median(servers[0]!.rates);
  const ratios: string[] = [];
  const rows = servers.map((server) => {
    const row: Record<string, string | number> = {
      server: server.label,
      'req/s': Math.round(median(server.rates)),
      'vs bare': `${((median(server.rates) / bare) * 100).toFixed(0)} %`,
      'CPU µs/req': median(server.cpu).toFixed(0),
      'vs @sentry/node alone (req/s)': '',
      '(CPU)': '',
    };
    if (server.baseline !== undefined) {
      const rates = perRound(server, (s) => s.rates, false);
      const cpu = perRound(server, (s) => s.cpu, true);
      if (server.mode === 'adapter')
        ratios.push(`${server.instrumented ? '--import' : 'Express loaded first'}: ${rates.toFixed(3)}×`);
      row['vs @sentry/node alone (req/s)'] = `${rates.toFixed(3)}×`;
      row['(CPU)'] = `${cpu.toFixed(3)}×`;
    }
    return row;
  });
  console.table(rows);
  if (process.env.BENCH_DEBUG)
    for (const server of servers)
      console.log(
        server.label,
        server.rates.map(Math.round).join(' '),
        '|',
        server.cpu.map(Math.round).join(' '),
      );
  console.log(
    `requestHandler + errorHandler against @sentry/node alone, req/s: ${ratios.join(', ')} (aim ≥ ${AIM}×; ` +
      `median of ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections)`,
  );
} finally {
  for (const server of servers) server.child?.kill();
}
