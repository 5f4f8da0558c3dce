import type { PartResult, Section, Table, Target } from '../report/markdown.js';
import { SETTINGS } from '../settings.js';
import { integer, median, ratio } from '../stats.js';
import { type ExpressResults, type LoadSample, sampleKey } from './run-express.js';
import { ISSUE_BASELINE, RATES, ROUTES, type RouteName, type ServerSpec } from './variants.js';

interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  low: number;
  high: number;
  non2xxShare: number;
}

function figures(samples: readonly LoadSample[] | undefined): Figures | undefined {
  if (samples === undefined || samples.length === 0) return undefined;
  const rates = samples.map((sample) => sample.requestsPerSecond);
  return {
    requestsPerSecond: median(rates),
    p99Ms: median(samples.map((sample) => sample.p99Ms)),
    low: Math.min(...rates),
    high: Math.max(...rates),
    non2xxShare: median(samples.map((sample) => sample.non2xxShare)),
  };
}

/** The figures of a variant at a rate, or undefined (not built, or no such server). */
function find(results: ExpressResults, name: string, rate: number | undefined, route: RouteName) {
  const spec = results.specs.find((item) => item.variant.name === name && item.rate === rate);
  return spec ? figures(results.samples.get(sampleKey(spec, route))) : undefined;
}

const HEADERS = [
  'variant',
  'trace rate',
  'req/s (median)',
  '× bare',
  'p99 latency (ms, median)',
  '× @sentry/node, same rate',
  'req/s min–max',
  'non-2xx',
  "issue's baseline × bare",
];

function row(results: ExpressResults, spec: ServerSpec, route: RouteName): string[] {
  const label = spec.variant.label;
  const rateText = spec.rate === undefined ? '—' : `${spec.rate * 100} %`;
  if (results.notBuilt.has(spec.variant.name))
    return [label, rateText, 'n/a (not built)', ...HEADERS.slice(3).map(() => '')];
  const own = find(results, spec.variant.name, spec.rate, route);
  const bare = find(results, 'bare', undefined, route);
  const sentry = find(results, 'sentry', spec.rate, route);
  if (own === undefined || bare === undefined)
    return [label, rateText, 'n/a', ...HEADERS.slice(3).map(() => '')];
  const vsSentry =
    spec.variant.name.startsWith('faultline') && sentry
      ? ratio(own.requestsPerSecond / sentry.requestsPerSecond, 3)
      : '';
  const issue =
    spec.variant.name === 'sentry' && route === 'ok' && spec.rate !== undefined
      ? ratio(ISSUE_BASELINE[spec.rate] ?? Number.NaN)
      : '';
  return [
    label,
    rateText,
    integer(own.requestsPerSecond),
    ratio(own.requestsPerSecond / bare.requestsPerSecond),
    own.p99Ms.toFixed(1),
    vsSentry,
    `${integer(own.low)}–${integer(own.high)}`,
    `${(own.non2xxShare * 100).toFixed(0)} %`,
    issue,
  ];
}

function tableOf(results: ExpressResults, route: (typeof ROUTES)[number]): Table {
  const bare = results.specs.filter((spec) => spec.rate === undefined);
  const ordered = [...bare, ...RATES.flatMap((rate) => results.specs.filter((spec) => spec.rate === rate))];
  return {
    caption: `**${route.label}**, GET ${route.path}`,
    headers: HEADERS,
    rows: ordered.map((spec) => row(results, spec, route.name)),
  };
}

function targets(results: ExpressResults): Target[] {
  const list: Target[] = [];
  for (const route of ROUTES)
    for (const rate of RATES) {
      const faultline = find(results, 'faultline', rate, route.name);
      const sentry = find(results, 'sentry', rate, route.name);
      const value = faultline && sentry ? faultline.requestsPerSecond / sentry.requestsPerSecond : Number.NaN;
      list.push({
        target: `Faultline standard ≥ 0.97× @sentry/node alone, ${rate * 100} % tracing, ${route.label}`,
        measured: ratio(value, 3),
        met: Number.isNaN(value) ? undefined : value >= 0.97,
      });
    }
  const lean = find(results, 'faultline-lean', 0.1, 'ok');
  const bare = find(results, 'bare', undefined, 'ok');
  const leanRatio = lean && bare ? lean.requestsPerSecond / bare.requestsPerSecond : Number.NaN;
  list.push({
    target: 'Faultline lean ≥ 0.8× bare Express, 10 % tracing, success route',
    measured: results.notBuilt.has('faultline-lean') ? 'n/a (not built)' : ratio(leanRatio),
    met: Number.isNaN(leanRatio) ? undefined : leanRatio >= 0.8,
  });
  return list;
}

export function expressReport(results: ExpressResults): PartResult {
  const section: Section = {
    title: 'Express: throughput and p99 latency',
    text: [
      `One Express 5 app (\`tests/bench/servers/server.mjs\`), each variant in its own \`node\` process ` +
        `on the packages' built \`dist\`, sending to a loopback Sentry receiver in another process ` +
        `(the transport really sends). autocannon runs in the runner process: ${SETTINGS.connections} ` +
        `connections to 127.0.0.1, a ${SETTINGS.warmupSeconds} s warm-up per server and route, then ` +
        `${SETTINGS.rounds} rounds of ${SETTINGS.roundSeconds} s per load. Each round goes through the ` +
        `rates 0, 10 % and 100 %: per rate and route, bare Express, then @sentry/node, Faultline, ` +
        `Faultline lean at that rate; odd rounds in reverse order. Figures are medians over the rounds; ` +
        `ratios are ratios of medians, against bare Express (all of its loads in the run) and against ` +
        `@sentry/node at the same rate.`,
      '`@sentry/node defaults`: `Sentry.init({ dsn, tracesSampleRate })` by `--import`. `Faultline ' +
        'standard`: `init()` from `@faultline/node` by `--import` (DSN and rate from the environment, ' +
        'Slack alerts to a recorder), `requestHandler()` and `errorHandler()` of `@faultline/express` in the app. ' +
        "`Faultline lean`: the same with `init({ mode: 'lean' })`.",
    ],
    tables: ROUTES.map((route) => tableOf(results, route)),
    notes: [
      ...[...results.notBuilt.values()].map((message) => `Not built: ${message}`),
      "The issue's baseline column is the issue's own measurement of `@sentry/node` 11.12 against bare Express " +
        '(errors only 0.47×, 10 % tracing 0.20×, 100 % tracing 0.12×), for comparison with this run.',
    ],
  };
  return { sections: [section], targets: targets(results) };
}
