#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { RULE_DESCRIPTIONS } from './detectors/index.js';
import { ScrubOptionsError } from './errors.js';
import { createScrubber } from './scrubber.js';
import type { Finding, ScrubOptions } from './types.js';

const USAGE = `Usage: faultline-scrub [options] < event.json

Prints the event as @faultline/scrub would let it leave the process, and on stderr a summary of
what was filtered and why. The input is a Sentry event, a span, a breadcrumb, a log, or an
array of them (as JSON).

Options:
  --key <name>          treat values under <name> as secret too (repeatable)
  --allow-key <name>    never filter values because of the key <name> (repeatable)
  --disable <detector>  turn a detector off (repeatable)
  --quiet               print the scrubbed JSON only, no summary
  --help                show this help`;

/** What one run of the CLI produced. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function parseArguments(argv: readonly string[]): { options: ScrubOptions; quiet: boolean } | string {
  const keys: string[] = [];
  const allowKeys: string[] = [];
  const detectors: Record<string, boolean> = {};
  let quiet = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--quiet') {
      quiet = true;
      continue;
    }
    const value = argv[index + 1];
    if ((flag === '--key' || flag === '--allow-key' || flag === '--disable') && value !== undefined) {
      if (flag === '--key') keys.push(value);
      else if (flag === '--allow-key') allowKeys.push(value);
      else detectors[value] = false;
      index++;
      continue;
    }
    return `Unknown or incomplete option: ${flag ?? ''}`;
  }
  return { options: { keys, allowKeys, detectors }, quiet };
}

/** Spans carry `span_id` and no exception; everything else goes through `scrubEvent`. */
function scrubOne(scrubber: ReturnType<typeof createScrubber>, item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return scrubber.scrubValue(item);
  const fields = item as Record<string, unknown>;
  if ('span_id' in fields && !('exception' in fields) && !('event_id' in fields))
    return scrubber.scrubSpan(item as never);
  return scrubber.scrubEvent(item as never);
}

function summarize(findings: Finding[]): string {
  if (findings.length === 0) return 'Nothing was filtered.';
  const byRule = new Map<string, string[]>();
  for (const { rule, path } of findings) byRule.set(rule, [...(byRule.get(rule) ?? []), path || '(root)']);
  const lines = [`${findings.length} value(s) filtered:`];
  for (const [rule, paths] of byRule) {
    lines.push(`  ${rule} ×${paths.length} — ${RULE_DESCRIPTIONS[rule] ?? 'custom pattern'}`);
    for (const path of paths) lines.push(`      ${path}`);
  }
  return lines.join('\n');
}

/** Runs the CLI on `input` (the contents of stdin). Exported for tests. */
export function runCli(argv: readonly string[], input: string): CliResult {
  if (argv.includes('--help')) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') return { stdout: '', stderr: `${parsed}\n\n${USAGE}\n`, exitCode: 2 };
  let document: unknown;
  try {
    document = JSON.parse(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      stdout: '',
      stderr: `faultline-scrub: stdin is not JSON (${reason}). Pipe an event: faultline-scrub < event.json\n`,
      exitCode: 2,
    };
  }
  const findings: Finding[] = [];
  let scrubber: ReturnType<typeof createScrubber>;
  try {
    scrubber = createScrubber({ ...parsed.options, onFinding: (finding) => findings.push(finding) });
  } catch (error) {
    if (error instanceof ScrubOptionsError)
      return { stdout: '', stderr: `faultline-scrub: ${error.message}\n`, exitCode: 2 };
    throw error;
  }
  const output = Array.isArray(document)
    ? document.map((item) => scrubOne(scrubber, item))
    : scrubOne(scrubber, document);
  return {
    stdout: `${JSON.stringify(output, null, 2)}\n`,
    stderr: parsed.quiet ? '' : `${summarize(findings)}\n`,
    exitCode: 0,
  };
}

const isMain = process.argv[1] !== undefined && /faultline-scrub|cli\.(c?js|ts)$/.test(process.argv[1]);
if (isMain) {
  const result = runCli(process.argv.slice(2), readFileSync(0, 'utf8'));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
