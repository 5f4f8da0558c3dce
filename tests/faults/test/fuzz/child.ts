// Runs one fuzz target in its own process, so that the test can stop it if it hangs:
//   node --conditions=@faultline/source --import tsx child.ts <target>
// Env: FUZZ_RUNS (values to generate), FUZZ_SEED (to replay a run). Prints one JSON line:
// { target, runs, seed, ms, notes, failure? }.
import { check, notes, TARGETS, type Target } from './targets.js';

const target = process.argv[2] as Target;
if (!TARGETS.includes(target)) throw new Error(`unknown target ${target}; one of ${TARGETS.join(', ')}`);
const runs = Number(process.env.FUZZ_RUNS ?? 1_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

const started = performance.now();
let failure: string | undefined;
try {
  check(target, { numRuns: runs, seed });
} catch (error) {
  failure = (error instanceof Error ? error.message : String(error)).slice(0, 6_000);
}
const ms = Math.round(performance.now() - started);
process.stdout.write(
  `${JSON.stringify({ target, runs, seed, ms, notes, ...(failure ? { failure } : {}) })}\n`,
);
