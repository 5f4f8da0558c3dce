/**
 * The Express runs: every server started (bare once, each instrumented variant at each trace
 * rate), a warm-up of each, then rounds in which every server takes each route in turn; odd
 * rounds go in reverse order. Bare Express runs once per rate group, so that each group has its
 * own baseline close in time. autocannon runs in this process; the receiver is reset after each
 * load so that it holds at most one load's envelopes.
 */
import type { LoopbackReceiver } from '@faultline/testkit';
import autocannon from 'autocannon';
import { progress } from '../progress.js';
import { SETTINGS } from '../settings.js';
import { NotBuiltError, type ServerEnvironment, ServerProcess } from './server-process.js';
import { RATES, ROUTES, type RouteName, type ServerSpec, serverSpecs, specName } from './variants.js';

/** One autocannon load of one server on one route. */
export interface LoadSample {
  requestsPerSecond: number;
  p99Ms: number;
  non2xxShare: number;
  errors: number;
}

export interface ExpressResults {
  specs: ServerSpec[];
  /** Variants that could not start because they are not built yet, by variant name. */
  notBuilt: Map<string, string>;
  /** Samples by `${specName}|${route}`. */
  samples: Map<string, LoadSample[]>;
}

export const sampleKey = (spec: ServerSpec, route: RouteName) => `${specName(spec)}|${route}`;

async function load(server: ServerProcess, path: string, seconds: number): Promise<LoadSample> {
  const result = await autocannon({
    url: server.url(path),
    connections: SETTINGS.connections,
    duration: seconds,
  });
  const total = result.requests.total;
  return {
    requestsPerSecond: total / (result.duration > 0 ? result.duration : seconds),
    p99Ms: result.latency.p99,
    non2xxShare: total > 0 ? result.non2xx / total : 0,
    errors: result.errors + result.timeouts,
  };
}

async function startAll(environment: ServerEnvironment, results: ExpressResults) {
  const servers = new Map<string, ServerProcess>();
  for (const spec of results.specs) {
    if (results.notBuilt.has(spec.variant.name)) continue;
    try {
      servers.set(specName(spec), await ServerProcess.start(spec, environment));
    } catch (error) {
      if (!(error instanceof NotBuiltError)) throw error;
      results.notBuilt.set(spec.variant.name, error.message);
      progress(`not built, shown as n/a: ${error.message}`);
    }
  }
  return servers;
}

/** The loads of one round, in order: per rate, per route, bare then each variant at that rate. */
function slots(specs: readonly ServerSpec[]): Array<[ServerSpec, (typeof ROUTES)[number]]> {
  const bare = specs.find((spec) => spec.rate === undefined)!;
  return RATES.flatMap((rate) =>
    ROUTES.flatMap((route) =>
      [bare, ...specs.filter((spec) => spec.rate === rate)].map(
        (spec): [ServerSpec, (typeof ROUTES)[number]] => [spec, route],
      ),
    ),
  );
}

export async function runExpress(
  environment: ServerEnvironment,
  receiver: LoopbackReceiver,
): Promise<ExpressResults> {
  const results: ExpressResults = { specs: serverSpecs(), notBuilt: new Map(), samples: new Map() };
  progress(`express: starting ${results.specs.length} servers`);
  const servers = await startAll(environment, results);
  try {
    const order = slots(results.specs).filter(([spec]) => servers.has(specName(spec)));
    progress(`express: warm-up, ${SETTINGS.warmupSeconds} s per server and route`);
    for (const server of servers.values())
      for (const route of ROUTES) await load(server, route.path, SETTINGS.warmupSeconds);
    await receiver.reset();
    for (let round = 0; round < SETTINGS.rounds; round++) {
      progress(`express: round ${round + 1}/${SETTINGS.rounds} (${order.length} loads)`);
      for (const [spec, route] of round % 2 === 0 ? order : [...order].reverse()) {
        const sample = await load(servers.get(specName(spec))!, route.path, SETTINGS.roundSeconds);
        if (sample.errors > 0) progress(`express: ${specName(spec)} ${route.name}: ${sample.errors} errors`);
        const key = sampleKey(spec, route.name);
        results.samples.set(key, [...(results.samples.get(key) ?? []), sample]);
        await receiver.reset();
      }
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
  return results;
}
