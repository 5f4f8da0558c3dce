/**
 * `pnpm bench`: scrubEvent on the real fixture events, in place on fresh copies, as a ratio to
 * JSON.stringify of the same events measured in the same process, interleaved round by round.
 */
import { readFileSync } from 'node:fs';
import { createScrubber } from '@faultline/scrub';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const ROUNDS = 15;
const BATCH = 400;

function events(name: string): unknown[] {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  return Array.from({ length: BATCH }, () => JSON.parse(text));
}

function timeBatch(batch: unknown[], work: (event: unknown) => unknown): number {
  const start = process.hrtime.bigint();
  for (const event of batch) work(event);
  return Number(process.hrtime.bigint() - start) / batch.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const scrubber = createScrubber();
const uncached = createScrubber({ cacheSize: 0 });
type AnEvent = Parameters<typeof scrubber.scrubEvent>[0];
const scrub = (event: unknown) => scrubber.scrubEvent(event as AnEvent);
const scrubCold = (event: unknown) => uncached.scrubEvent(event as AnEvent);
const rows: Record<string, string>[] = [];

for (const name of ['express-error.json', 'large-error.json']) {
  for (let warm = 0; warm < 3; warm++) {
    timeBatch(events(name), JSON.stringify);
    timeBatch(events(name), scrub);
  }
  const stringify: number[] = [];
  const scrubbed: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const json = timeBatch(events(name), JSON.stringify);
    const scrubTime = timeBatch(events(name), scrub);
    stringify.push(json);
    scrubbed.push(scrubTime);
    ratios.push(scrubTime / json);
  }
  const cold: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const json = timeBatch(events(name), JSON.stringify);
    cold.push(timeBatch(events(name), scrubCold) / json);
  }
  const clean = events(name).map(scrub);
  const rescans: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const json = timeBatch(clean, JSON.stringify);
    rescans.push(timeBatch(clean, scrub) / json);
  }
  rows.push({
    event: name,
    'JSON.stringify (µs)': (median(stringify) / 1000).toFixed(1),
    'scrubEvent (µs)': (median(scrubbed) / 1000).toFixed(1),
    'ratio, cache off': median(cold).toFixed(2),
    'ratio, first scrub': median(ratios).toFixed(2),
    'ratio, re-scrub of a clean event': median(rescans).toFixed(2),
  });
}

console.log('scrubEvent in place on fresh copies, relative to JSON.stringify of the same event');
console.table(rows);
