/**
 * Scrubbing, side by side: scrubEvent (and scrubSpan for the spans fixture) against
 * JSON.stringify of the same input, fast-redact with fixed paths and a naive deep walk. Every
 * method except JSON.stringify works in place on pre-made deep copies (structuredClone, outside
 * the timed region); fast-redact runs with `serialize: false`, so none of them serializes. Rounds
 * interleave the methods; figures are medians. Then, once per method, which planted secrets are
 * still in its output.
 */
import { createScrubber } from '@faultline/scrub';
import { findSecrets } from '@faultline/testkit';
import fastRedact from 'fast-redact';
import { progress } from '../progress.js';
import type { PartResult, Table } from '../report/markdown.js';
import { SETTINGS } from '../settings.js';
import { median, now, ratio, since } from '../stats.js';
import { type ScrubInput, scrubInputs } from './inputs.js';
import { naiveScrub } from './naive-scrubber.js';

type Operation = (copy: unknown) => unknown;

interface Method {
  name: string;
  operation(input: ScrubInput): Operation;
}

function scrubWith(cacheSize?: number) {
  const scrubber = createScrubber(cacheSize === undefined ? {} : { cacheSize });
  return (input: ScrubInput): Operation =>
    input.spans
      ? (copy) => (copy as never[]).map((span) => scrubber.scrubSpan(span))
      : (copy) => scrubber.scrubEvent(copy as never);
}

const METHODS: readonly Method[] = [
  { name: 'JSON.stringify', operation: () => (copy) => JSON.stringify(copy) },
  { name: 'scrubEvent', operation: scrubWith() },
  { name: 'scrubEvent, cache off', operation: scrubWith(0) },
  {
    name: 'fast-redact, fixed paths',
    operation: (input) => fastRedact({ paths: input.redactPaths, censor: '[Filtered]', serialize: false }),
  },
  { name: 'naive deep walk', operation: () => naiveScrub },
];

/** Nanoseconds per operation over a batch of fresh copies. */
function timeBatch(input: ScrubInput, operation: Operation, size: number): number {
  const copies = Array.from({ length: size }, () => structuredClone(input.value));
  const start = now();
  for (const copy of copies) operation(copy);
  return since(start) / size;
}

function measure(input: ScrubInput): number[] {
  const bytes = JSON.stringify(input.value).length;
  const size = Math.min(400, Math.max(4, Math.round(2_000_000 / bytes)));
  const operations = METHODS.map((method) => method.operation(input));
  const times = METHODS.map((): number[] => []);
  for (let round = -2; round < SETTINGS.microRounds; round++)
    operations.forEach((operation, index) => {
      const time = timeBatch(input, operation, size);
      if (round >= 0) times[index]!.push(time);
    });
  return times.map(median);
}

/** The names of the secrets still in what the method produced from a fresh copy. */
function leftOver(input: ScrubInput, method: Method): string[] {
  const output =
    method.name === 'JSON.stringify' ? input.value : method.operation(input)(structuredClone(input.value));
  return [...new Set(findSecrets(output, input.secrets).map((finding) => finding.name))];
}

const size = (input: ScrubInput) => `${(JSON.stringify(input.value).length / 1024).toFixed(0)} KB`;
const microseconds = (nanos: number) => (nanos / 1000).toFixed(nanos < 10_000 ? 1 : 0);

export function runScrub(): PartResult {
  const inputs = scrubInputs();
  const speed: string[][] = [];
  const misses: string[][] = [];
  const notes: string[] = [];
  for (const input of inputs) {
    progress(`scrub: ${input.name}`);
    const [json, ...others] = measure(input);
    speed.push([
      input.name,
      size(input),
      microseconds(json!),
      ...others.map((nanos) => `${microseconds(nanos)} (${ratio(nanos / json!)})`),
    ]);
    const left = METHODS.map((method) => leftOver(input, method));
    misses.push([input.name, String(input.secrets.length), ...left.map((names) => String(names.length))]);
    if (input.name.startsWith('generated'))
      METHODS.slice(1).forEach((method, index) => {
        const names = left[index + 1]!;
        notes.push(`- ${method.name} left ${names.length}: ${names.length > 0 ? names.join(', ') : 'none'}`);
      });
  }
  const speedTable: Table = {
    caption: '**Cost per event, µs (median), and × JSON.stringify of the same event**',
    headers: ['input', 'JSON size', 'JSON.stringify', ...METHODS.slice(1).map((method) => method.name)],
    rows: speed,
  };
  const missTable: Table = {
    caption:
      '**Planted secrets still present after each method** (testkit `findSecrets`: as is, encoded, compacted)',
    headers: [
      'input',
      'planted',
      ...METHODS.map((method) => (method.name === 'JSON.stringify' ? 'as captured' : method.name)),
    ],
    rows: misses,
  };
  return {
    sections: [
      {
        title: 'Scrubbing: scrubEvent against the alternatives',
        text: [
          "Inputs: the fixtures (`fixtures/*.json`, real @sentry/node 11.12 events; the spans fixture's six " +
            'streamed spans go through `scrubSpan`) and a generated ~1 MB error event (thousands of breadcrumbs, ' +
            "request data, nested `extra`) carrying every one of testkit's `plantedSecrets()`: half under their " +
            'key, half inside free text. Each method runs in place on pre-made deep copies; `JSON.stringify` of ' +
            'the same input is the yardstick. fast-redact is given the keyed paths that hold secrets in each ' +
            'input (`src/scrub/inputs.ts`) and `serialize: false`; the naive scrubber (`src/scrub/naive-scrubber.ts`) ' +
            'redacts keys by one regex and runs five value regexes over every string. ' +
            `Median of ${SETTINGS.microRounds} interleaved rounds.`,
        ],
        tables: [speedTable, missTable],
        notes: ['In the generated event:', notes.join('\n')],
      },
    ],
    targets: [],
  };
}
