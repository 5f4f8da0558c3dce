/**
 * Rewrites the files generated from the schema: `.env.example` and the table between the `env`
 * markers of `README.md`. Run with `pnpm --filter @faultline/config generate`; the tests fail
 * when either file drifts from `src/schema.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderEnvExample, withDocsTable } from '../src/render.js';

const envExample = new URL('../.env.example', import.meta.url);
const readme = new URL('../README.md', import.meta.url);

writeFileSync(envExample, renderEnvExample());
writeFileSync(readme, withDocsTable(readFileSync(readme, 'utf8')));
process.stdout.write('Wrote .env.example and the README table from src/schema.ts.\n');
