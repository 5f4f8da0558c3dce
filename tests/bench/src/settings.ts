/**
 * How long each part runs. `BENCH_QUICK=1` is a smoke run of a minute or two; the default full
 * run takes about 15 minutes. Single figures can be overridden with the BENCH_* variables below.
 */
const quick = process.env.BENCH_QUICK === '1';

function numberFrom(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

/** The parts of the run; `BENCH_ONLY=express,scrub` runs a subset (the markdown says so). */
export const PARTS = ['express', 'storm', 'scrub', 'fingerprint', 'alerts', 'bullmq'] as const;
export type Part = (typeof PARTS)[number];

function partsFrom(text: string | undefined): readonly Part[] {
  if (text === undefined || text.trim() === '') return PARTS;
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; parts: ${PARTS}`);
  return names as Part[];
}

export const SETTINGS = {
  quick,
  parts: partsFrom(process.env.BENCH_ONLY),
  /** Express: autocannon connections, warm-up and round length (s), rounds. */
  connections: 16,
  warmupSeconds: numberFrom('BENCH_WARMUP_SECONDS', quick ? 1 : 2),
  roundSeconds: numberFrom('BENCH_ROUND_SECONDS', quick ? 1 : 2),
  rounds: numberFrom('BENCH_ROUNDS', quick ? 2 : 9),
  /** Error storm against Faultline standard: its length (s) and how many samples are taken during it. */
  stormSeconds: numberFrom('BENCH_STORM_SECONDS', quick ? 15 : 60),
  stormSamples: 6,
  /** Micro benchmarks (scrub, fingerprint, alerts): interleaved rounds. */
  microRounds: numberFrom('BENCH_MICRO_ROUNDS', quick ? 5 : 15),
  /** BullMQ: jobs per round and rounds per variant. */
  bullmqJobs: numberFrom('BENCH_BULLMQ_JOBS', quick ? 500 : 2_000),
  bullmqRounds: numberFrom('BENCH_BULLMQ_ROUNDS', quick ? 2 : 5),
} as const;

/** The environment variables that changed the run, as a command prefix (`BENCH_QUICK=1 `). */
export function settingsPrefix(): string {
  return Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value} `)
    .join('');
}
