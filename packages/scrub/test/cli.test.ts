import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

const EVENT = readFileSync(new URL('../examples/event.json', import.meta.url), 'utf8');
const SECRETS = [
  '4242 4242 4242 4242',
  'ana.silva@example.com',
  'sk_live_51Hx9dQk2mZxR8tLpV3wNa7Yc',
  'hunter2',
];

describe('faultline-scrub', () => {
  it('prints the scrubbed event and says what was filtered and why', () => {
    const { stdout, stderr, exitCode } = runCli([], EVENT);
    expect(exitCode).toBe(0);
    for (const secret of SECRETS) expect(stdout).not.toContain(secret);
    expect(JSON.parse(stdout).transaction).toBe('POST /api/orders/:id/pay');
    expect(stderr).toMatch(/value\(s\) filtered/);
    expect(stderr).toContain('card ×2 — payment card numbers');
    expect(stderr).toContain('request.headers.authorization');
  });

  it('scrubs an array of spans and events', () => {
    const span = {
      span_id: 'a686c8555bb7c79d',
      trace_id: '5e3640ca416c4cd4957b9bb9d6265031',
      attributes: { 'url.full': 'https://x.test/?email=ana%40example.com' },
    };
    const { stdout } = runCli(['--quiet'], JSON.stringify([span, JSON.parse(EVENT)]));
    const [scrubbedSpan, scrubbedEvent] = JSON.parse(stdout);
    expect(scrubbedSpan.attributes['url.full']).toBe('https://x.test/?email=[Filtered]');
    expect(scrubbedEvent.user.email).toBe('[Filtered]');
  });

  it('takes extra keys and turns detectors off', () => {
    const input = JSON.stringify({ extra: { employeeId: 'E-1234', note: 'from 198.51.100.23' } });
    const { stdout } = runCli(['--key', 'employeeId', '--disable', 'ipv4', '--quiet'], input);
    expect(JSON.parse(stdout).extra).toEqual({ employeeId: '[Filtered]', note: 'from 198.51.100.23' });
  });

  it('fails with a clear message and exit code 2 on bad input or options', () => {
    expect(runCli([], '{not json')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/stdin is not JSON/),
    });
    expect(runCli(['--disable', 'nope'], '{}')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/detectors\.nope.*Known detectors/),
    });
    expect(runCli(['--frobnicate'], '{}')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/Unknown/),
    });
  });

  it('runs as a command reading stdin', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--conditions=@faultline/source', '--import', 'tsx', cli], {
      input: EVENT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    for (const secret of SECRETS) expect(result.stdout).not.toContain(secret);
    expect(result.stderr).toMatch(/value\(s\) filtered/);
  });
});
