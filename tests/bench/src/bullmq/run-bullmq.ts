/**
 * BullMQ jobs/s through a real redis-server, in three worker processes (servers/bullmq-worker.mjs):
 * no Sentry at all; @sentry/node at tracesSampleRate 0; at 0.1. The Sentry processes run each round
 * both plain (a bare Worker) and with the adapter. Rounds interleave all five loads (odd rounds in
 * reverse); figures are medians; the target compares the adapter with the bare Worker in the same
 * process (the same Sentry setup), and the table also against no Sentry at all.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { findRedisServer, RedisServer } from '@faultline/test-servers';
import { progress } from '../progress.js';
import type { PartResult, Target } from '../report/markdown.js';
import { SETTINGS } from '../settings.js';
import { integer, median, ratio } from '../stats.js';

interface RoundResult {
  jobsPerSecond: number;
  cpuMicrosPerJob: number;
}

const SERVERS = new URL('../../servers/', import.meta.url);
const PROCESSES = [
  { label: 'none', rate: undefined },
  { label: 'sentry-0', rate: 0 },
  { label: 'sentry-0.1', rate: 0.1 },
] as const;
type Label = (typeof PROCESSES)[number]['label'];
type Load = [Label, 'plain' | 'adapter'];
const LOADS: Load[] = [
  ['none', 'plain'],
  ['sentry-0', 'plain'],
  ['sentry-0', 'adapter'],
  ['sentry-0.1', 'plain'],
  ['sentry-0.1', 'adapter'],
];

async function startWorker(label: Label, rate: number | undefined, port: number, dsn: string) {
  const imports =
    rate === undefined ? [] : ['--import', fileURLToPath(new URL('instrument-sentry.mjs', SERVERS))];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_LABEL: label,
    REDIS_PORT: String(port),
    SENTRY_DSN: dsn,
    SENTRY_TRACES_SAMPLE_RATE: String(rate ?? 0),
  };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [...imports, fileURLToPath(new URL('bullmq-worker.mjs', SERVERS))], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await once(child, 'message');
  return child;
}

async function round(child: ChildProcess, variant: string, jobs: number): Promise<RoundResult> {
  const reply = once(child, 'message');
  child.send({ variant, jobs });
  return (await reply)[0] as RoundResult;
}

function report(results: Map<string, RoundResult[]>): PartResult {
  const jobs = (load: string) => median((results.get(load) ?? []).map((result) => result.jobsPerSecond));
  const cpu = (load: string) => median((results.get(load) ?? []).map((result) => result.cpuMicrosPerJob));
  const none = jobs('none plain');
  const rows: string[][] = [];
  const targets: Target[] = [];
  for (const [label, variant] of LOADS) {
    const key = `${label} ${variant}`;
    const bare = jobs(`${label} plain`);
    rows.push([
      label === 'none' ? 'no Sentry' : `@sentry/node, tracesSampleRate ${label.slice(7)}`,
      variant === 'plain' ? 'bare Worker' : 'instrumentQueue + withSentry',
      integer(jobs(key)),
      variant === 'adapter' ? ratio(jobs(key) / bare) : '',
      ratio(jobs(key) / none),
      integer(cpu(key)),
    ]);
    if (variant === 'adapter')
      targets.push({
        target: `BullMQ with the adapter ≥ 0.95× bare, tracesSampleRate ${label.slice(7)}, no-op jobs`,
        measured: `${ratio(jobs(key) / bare)} (${ratio(jobs(key) / none)} against no Sentry)`,
        met: jobs(key) / bare >= 0.95,
      });
  }
  return {
    sections: [
      {
        title: 'BullMQ: jobs per second',
        text: [
          `No-op jobs through a real redis-server: per round and load, ${integer(SETTINGS.bullmqJobs)} jobs added ` +
            '20 at a time while a Worker (concurrency 10) in the same process completes them; jobs/s from the ' +
            'first add() to the last completion, and the CPU time of the process per job. Three processes: ' +
            'without Sentry, and with `@sentry/node` (`--import`, defaults, a loopback DSN) at ' +
            `tracesSampleRate 0 and 0.1. Median of ${SETTINGS.bullmqRounds} interleaved rounds.`,
        ],
        tables: [
          {
            headers: [
              'process',
              'worker',
              'jobs/s',
              '× bare Worker, same process',
              '× no Sentry',
              'CPU µs/job',
            ],
            rows,
          },
        ],
      },
    ],
    targets,
  };
}

export async function runBullmq(dsn: string): Promise<PartResult> {
  if (findRedisServer() === undefined)
    return {
      sections: [
        { title: 'BullMQ: jobs per second', text: ['Skipped: redis-server is not installed.'], tables: [] },
      ],
      targets: [
        {
          target: 'BullMQ with the adapter ≥ 0.95× bare',
          measured: 'skipped (no redis-server)',
          met: undefined,
        },
      ],
    };
  const redis = await RedisServer.start();
  const children = new Map<Label, ChildProcess>();
  try {
    for (const { label, rate } of PROCESSES)
      children.set(label, await startWorker(label, rate, redis.port, dsn));
    const results = new Map<string, RoundResult[]>();
    progress('bullmq: warm-up');
    for (const [label, variant] of LOADS) await round(children.get(label)!, variant, 500);
    for (let index = 0; index < SETTINGS.bullmqRounds; index++) {
      progress(`bullmq: round ${index + 1}/${SETTINGS.bullmqRounds}`);
      for (const [label, variant] of index % 2 === 0 ? LOADS : [...LOADS].reverse()) {
        const result = await round(children.get(label)!, variant, SETTINGS.bullmqJobs);
        const key = `${label} ${variant}`;
        results.set(key, [...(results.get(key) ?? []), result]);
      }
    }
    return report(results);
  } finally {
    for (const child of children.values()) child.disconnect();
    await redis.stop();
  }
}
