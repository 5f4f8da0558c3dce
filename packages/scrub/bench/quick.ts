import { readFileSync } from 'node:fs';
import { createScrubber } from '../src/index.js';
const s = createScrubber();
for (const f of ['express-error.json', 'large-error.json']) {
  const raw = readFileSync(`/work/shared/fixtures/${f}`, 'utf8');
  const N = 3000;
  const copies = Array.from({ length: N }, () => JSON.parse(raw));
  const ev = JSON.parse(raw);
  for (let i = 0; i < 300; i++) JSON.stringify(ev);
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) JSON.stringify(copies[i]);
  const js = Number(process.hrtime.bigint() - t) / N;
  for (let i = 0; i < 300; i++) s.scrubEvent(JSON.parse(raw));
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) s.scrubEvent(copies[i]);
  const sc = Number(process.hrtime.bigint() - t) / N;
  console.log(f, (js / 1000).toFixed(1), 'us json;', (sc / 1000).toFixed(1), 'us scrub; ratio', (sc / js).toFixed(2));
}
