import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/attempt.js';
import { classifyFailure } from '../src/classify.js';
import { cut, sanitizeText } from '../src/sanitize.js';
import { closedPort } from './smtp.js';

const CHILD = fileURLToPath(new URL('./child/down-server.ts', import.meta.url));

function runChild(port: number, flushMs: number) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, String(port), String(flushMs)], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { ...result, ms: performance.now() - started };
}

describe('process lifetime', () => {
  it('a down SMTP server does not keep the process alive; an awaited flush() does', async () => {
    const port = await closedPort();
    const exited = runChild(port, 0);
    expect(exited.status).toBe(0);
    expect(exited.stdout).toBe('');
    expect(exited.ms).toBeLessThan(10_000); // the next retry is a minute away

    const flushed = runChild(port, 700);
    expect(flushed.status).toBe(0);
    expect(flushed.stdout).toBe('flushed false\n');
    expect(flushed.ms).toBeGreaterThan(700);
    expect(flushed.stderr).not.toContain('child-pa55word');
  });
});

describe('classifying failures', () => {
  it('retries SMTP 4xx and connection errors, not 5xx or unknown errors', () => {
    const transient = (error: unknown) => classifyFailure(error, []).transient;
    expect(transient({ responseCode: 451, response: '451 later' })).toBe(true);
    expect(transient({ responseCode: 421, code: 'EPROTOCOL' })).toBe(true);
    expect(transient({ responseCode: 550 })).toBe(false);
    expect(transient({ responseCode: 503 })).toBe(false);
    expect(transient({ responseCode: 535, code: 'EAUTH' })).toBe(false);
    for (const code of ['ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', 'ESOCKET', 'EDNS', 'ECONNECTION']) {
      expect(transient(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    expect(transient({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).toBe(true);
    expect(classifyFailure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, []).code).toBe('ECONNREFUSED');
    expect(transient({ code: 'EENVELOPE' })).toBe(false);
    expect(transient(new Error('bug'))).toBe(false);
    expect(transient('a string')).toBe(false);
    expect(transient(null)).toBe(false);
  });

  it('keeps the server text, sanitized and cut to 200 characters', () => {
    const failure = classifyFailure(
      {
        responseCode: 554,
        response: `554 rejected smtp://bob:hunter2@mx.test ${'y'.repeat(400)}`,
        auth: { pass: 'p' },
      },
      ['s3cret'],
    );
    expect(failure.text).toMatch(/^554 rejected smtp:\/\/\[redacted\]@mx\.test y+…$/);
    expect(failure.text).toHaveLength(200);
    expect(classifyFailure(new Error('login s3cret failed'), ['s3cret']).text).toBe(
      'login [redacted] failed',
    );
  });
});

describe('sanitizing', () => {
  it('strips credentials from every URL and removes the known secrets', () => {
    expect(sanitizeText('at smtps://u:p@ss@host:465/x and redis://:tok@r', [])).toBe(
      'at smtps://[redacted]@host:465/x and redis://[redacted]@r',
    );
    expect(sanitizeText('https://example.com/a@b no credentials', [])).toBe(
      'https://example.com/a@b no credentials',
    );
    expect(sanitizeText('key abc, abc again', ['abc'])).toBe('key [redacted], [redacted] again');
  });

  it('cuts to one line', () => {
    expect(cut('a\r\nb', 10)).toBe('a b');
    expect(cut('abcdef', 4)).toBe('abc…');
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, jittered in the upper half', () => {
    const backoff = { baseMs: 1000, capMs: 60_000 };
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, backoff, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, backoff, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(backoffDelay(10, backoff, () => 1)).toBe(60_000);
    expect(backoffDelay(1000, backoff, () => 0.5)).toBe(45_000);
  });
});
