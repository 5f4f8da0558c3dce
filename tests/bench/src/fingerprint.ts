/**
 * fingerprint() on the fixture error events and the generated 1 MB event, as captured (no rule
 * matches) and with a pg unique-violation as the original exception (the database rule matches):
 * events per second, and the cost against JSON.stringify of the same event. Interleaved rounds.
 */
import { readFileSync } from 'node:fs';
import { createFingerprinter } from '@faultline/fingerprint';
import { plantedSecrets } from '@faultline/testkit';
import { progress } from './progress.js';
import type { PartResult } from './report/markdown.js';
import { generatedEvent } from './scrub/large-event.js';
import { SETTINGS } from './settings.js';
import { integer, median, now, ratio, since } from './stats.js';

type Event = Parameters<ReturnType<typeof createFingerprinter>['fingerprint']>[0];
const FIXTURES = new URL('../../../fixtures/', import.meta.url);

const PG_ERROR = Object.assign(
  new Error('duplicate key value violates unique constraint "users_email_key"'),
  {
    name: 'DatabaseError',
    code: '23505',
    query: 'INSERT INTO users (email) VALUES ($1)',
  },
);

/** Nanoseconds per call, over enough calls to take a few milliseconds. */
function time(work: () => unknown, calls: number): number {
  const start = now();
  for (let index = 0; index < calls; index++) work();
  return since(start) / calls;
}

export function runFingerprint(): PartResult {
  const fingerprinter = createFingerprinter();
  const inputs: Array<[string, Event]> = [
    ['express-error.json', JSON.parse(readFileSync(new URL('express-error.json', FIXTURES), 'utf8'))],
    ['large-error.json', JSON.parse(readFileSync(new URL('large-error.json', FIXTURES), 'utf8'))],
    ['generated ~1 MB event', generatedEvent(plantedSecrets()).event as Event],
  ];
  const rows: string[][] = [];
  for (const [name, event] of inputs) {
    progress(`fingerprint: ${name}`);
    const calls = Math.max(20, Math.round(20_000_000 / JSON.stringify(event).length));
    const works = [
      () => JSON.stringify(event),
      () => fingerprinter.fingerprint(event),
      () => fingerprinter.fingerprint(event, { originalException: PG_ERROR }),
    ];
    const times = works.map((): number[] => []);
    for (let round = -2; round < SETTINGS.microRounds; round++)
      works.forEach((work, index) => {
        const nanos = time(work, calls);
        if (round >= 0) times[index]!.push(nanos);
      });
    const [json, plain, matched] = times.map(median) as [number, number, number];
    rows.push([
      name,
      integer(1e9 / plain),
      ratio(plain / json, 3),
      integer(1e9 / matched),
      ratio(matched / json, 3),
    ]);
  }
  return {
    sections: [
      {
        title: 'Fingerprint',
        text: [
          '`createFingerprinter().fingerprint(event)` with the default rules, on the same event object ' +
            `again and again; median of ${SETTINGS.microRounds} rounds interleaved with JSON.stringify of the event.`,
        ],
        tables: [
          {
            headers: [
              'event',
              'as captured: events/s',
              '× JSON.stringify (cost)',
              'pg unique violation (database rule): events/s',
              '× JSON.stringify (cost)',
            ],
            rows,
          },
        ],
      },
    ],
    targets: [],
  };
}
