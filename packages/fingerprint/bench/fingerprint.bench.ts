/**
 * `pnpm bench`: fingerprint() on the fixture events, with the default rules alone and with 50 user
 * rules in front of them (none matching, the worst case), as events per second and as a ratio to
 * JSON.stringify of the same event measured in the same process.
 */
import { readFileSync } from 'node:fs';
import { createFingerprinter, type FingerprintRule } from '@faultline/fingerprint';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const ROUNDS = 15;
const ITERATIONS = 5000;

const userRules: FingerprintRule[] = Array.from({ length: 50 }, (_, index) => ({
  name: `team rule ${index}`,
  match: { type: `Team${index}*Error`, value: `*order ${index}*` },
  fingerprint: ['team', String(index), '{{ function }}'],
}));

const original = Object.assign(new Error('duplicate key value violates unique constraint'), {
  name: 'DatabaseError',
  code: '23505',
  severity: 'ERROR',
  query: 'INSERT INTO users (email) VALUES ($1)',
});

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

function time(work: () => unknown): number {
  const start = process.hrtime.bigint();
  for (let index = 0; index < ITERATIONS; index++) work();
  return Number(process.hrtime.bigint() - start) / ITERATIONS;
}

const rows: Record<string, string>[] = [];
for (const name of ['express-error.json', 'large-error.json']) {
  const event = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
  for (const [setup, fingerprinter] of [
    ['defaults', createFingerprinter()],
    ['defaults + 50 user rules', createFingerprinter({ rules: userRules })],
  ] as const) {
    for (const hint of [undefined, { originalException: original }]) {
      const work = () => fingerprinter.fingerprint(event, hint);
      for (let warm = 0; warm < 3; warm++) time(work);
      const ratios: number[] = [];
      const nanos: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const json = time(() => JSON.stringify(event));
        const cost = time(work);
        nanos.push(cost);
        ratios.push(cost / json);
      }
      rows.push({
        event: name,
        rules: setup,
        error: hint ? 'pg unique violation (matches)' : 'as captured (no rule matches)',
        'events/s': Math.round(1e9 / median(nanos)).toLocaleString('en-US'),
        'ratio to JSON.stringify': median(ratios).toFixed(3),
      });
    }
  }
}
console.log('fingerprint() per event, relative to JSON.stringify of the same event');
console.table(rows);
