import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

const F = '[Filtered]';
const VALUE = 'v4lue-Secret-91';

const SENSITIVE = [
  'X-Api-Key',
  'x-api-key',
  'api_key',
  'apiKey',
  'API_KEY',
  'client_secret',
  'clientSecret',
  'refresh_token',
  'password',
  'PASSWORD',
  'password_confirmation',
  'passwd',
  'db_pass',
  'set-cookie',
  'Cookie',
  'x-csrf-token',
  'X-XSRF-TOKEN',
  'sessionid',
  'session_id',
  'csrftoken',
  'mysql_pwd',
  'private_key',
  'privateKey',
  'connect.sid',
  'authorization',
  'Proxy-Authorization',
  'x-auth-token',
  'auth',
  'credentials',
  'aws_secret_access_key',
  'stripe-signature',
  'jwt',
  'otp',
  'pin',
  'ssn',
  'iban',
  'cvv',
  'card_number',
  'creditCard',
  'dsn',
  'api%5Fkey', // percent-encoded `api_key`, as in a raw query string
];

const INNOCENT = [
  'author',
  'authors',
  'authority',
  'keyboard',
  'sidebar',
  'token_count',
  'input_tokens',
  'output_tokens',
  'max_tokens',
  'password_length',
  'password_policy',
  'secret_name',
  'session_replay',
  'id',
  'user_id',
  'name',
  'event_id',
  'trace_id',
  'span_id',
  'transaction',
  'route',
  'method',
  'status_code',
  'passThrough',
  'compass',
  'bypass',
  'spinner',
  'panel',
  'company',
  'pagination',
];

describe('sensitive keys', () => {
  const scrubber = createScrubber();

  it.each(SENSITIVE)('%s: its value is filtered', (key) => {
    expect(scrubber.scrubValue({ [key]: VALUE })).toEqual({ [key]: F });
  });

  it.each(SENSITIVE)('%s: also in key=value text and JSON text', (key) => {
    expect(scrubber.scrubString(`${key}=${VALUE}&page=2`)).toBe(`${key}=${F}&page=2`);
    expect(scrubber.scrubString(`got "${key}": "${VALUE}" back`)).toBe(`got "${key}": "${F}" back`);
  });

  it('filters every leaf under a sensitive key, whatever its type', () => {
    expect(
      scrubber.scrubValue({
        credentials: { user: 'admin', pass: 'hunter2', retries: 3, nested: ['a1b2c3', { pin: 1234 }] },
        token: 123456789,
      }),
    ).toEqual({ credentials: { user: F, pass: F, retries: F, nested: [F, { pin: F }] }, token: F });
  });

  it('keeps values that hide nothing under a sensitive key: empty, null, undefined, booleans', () => {
    const input = { password: '', token: null, secret: undefined, auth: true };
    expect(scrubber.scrubValue({ ...input })).toEqual(input);
  });

  it('filters a list of tokens under a plural key (access_tokens, apiTokens)', () => {
    expect(scrubber.scrubValue({ access_tokens: ['f3a9c2d1e4b5a6'], apiTokens: 'f3a9c2d1e4b5a6' })).toEqual({
      access_tokens: [F],
      apiTokens: F,
    });
  });
});

describe('innocent keys', () => {
  const scrubber = createScrubber();

  it.each(INNOCENT)('%s: its value is kept', (key) => {
    expect(scrubber.scrubValue({ [key]: 'plain-value-42' })).toEqual({ [key]: 'plain-value-42' });
    expect(scrubber.scrubValue({ [key]: 42 })).toEqual({ [key]: 42 });
    expect(scrubber.scrubString(`${key}=plain-value-42&${key}: 42`)).toBe(`${key}=plain-value-42&${key}: 42`);
  });

  it('still runs the content detectors under an innocent key', () => {
    expect(
      scrubber.scrubValue({ author: 'jane.doe@example.com', sidebar: 'card 4111 1111 1111 1111' }),
    ).toEqual({
      author: F,
      sidebar: `card ${F}`,
    });
  });

  it('filters a key that is itself a secret, keeping its value', () => {
    const result = scrubber.scrubValue({ 'jane.doe@example.com': 3, ok: 1 });
    expect(result).toEqual({ [F]: 3, ok: 1 });
  });

  it('filters a key that is itself a secret whatever its value: null, undefined, false', () => {
    for (const value of [null, undefined, false, true])
      expect(JSON.stringify(scrubber.scrubValue({ 'jane.doe@example.com': value, ok: 1 }))).not.toContain(
        'jane',
      );
  });
});

describe('keys option', () => {
  const scrubber = createScrubber({ keys: ['employeeId', /^x-tenant-/i] });

  it('matches a string key case- and separator-insensitively, as a fragment', () => {
    expect(
      scrubber.scrubValue({
        employee_id: 'E1',
        'X-Employee-Id': 'E2',
        employeeIdentifier: 'E3',
        employee: 'E4',
      }),
    ).toEqual({ employee_id: F, 'X-Employee-Id': F, employeeIdentifier: F, employee: 'E4' });
  });

  it('tests a RegExp against the raw key', () => {
    expect(
      scrubber.scrubValue({
        'x-tenant-name': 'acme',
        'X-TENANT-ID': 't1',
        tenant: 't2',
        'my-x-tenant-id': 't3',
      }),
    ).toEqual({ 'x-tenant-name': F, 'X-TENANT-ID': F, tenant: 't2', 'my-x-tenant-id': 't3' });
  });

  it('applies to keys in text too', () => {
    expect(scrubber.scrubString('employeeId=E123&page=2')).toBe(`employeeId=${F}&page=2`);
    expect(scrubber.scrubString('x-tenant-id: acme')).toBe(`x-tenant-id: ${F}`);
  });

  it('adds to the built-in keys rather than replacing them', () => {
    expect(scrubber.scrubValue({ password: 'hunter2' })).toEqual({ password: F });
  });

  it('a global RegExp gives the same answer every time', () => {
    const globalScrubber = createScrubber({ keys: [/^acct/g] });
    for (let round = 0; round < 3; round++)
      expect(globalScrubber.scrubValue({ acctNo: 'A1' })).toEqual({ acctNo: F });
  });
});

describe('allowKeys option', () => {
  const scrubber = createScrubber({ allowKeys: ['x-csrf-token', 'sessionId'] });

  it('keeps the value under an allowed key, matched like the built-in keys', () => {
    expect(scrubber.scrubValue({ 'x-csrf-token': 'abc123', session_id: 's1', SessionId: 's2' })).toEqual({
      'x-csrf-token': 'abc123',
      session_id: 's1',
      SessionId: 's2',
    });
    expect(scrubber.scrubString('x-csrf-token=abc123&sessionid=s1')).toBe('x-csrf-token=abc123&sessionid=s1');
  });

  it('still runs the content detectors under an allowed key', () => {
    expect(scrubber.scrubValue({ 'x-csrf-token': 'jane.doe@example.com' })).toEqual({ 'x-csrf-token': F });
  });

  it('leaves other sensitive keys filtered', () => {
    expect(scrubber.scrubValue({ csrf: 'abc', password: 'p' })).toEqual({ csrf: F, password: F });
  });

  it('wins over the keys option', () => {
    const both = createScrubber({ keys: ['employeeId'], allowKeys: ['employee_id'] });
    expect(both.scrubValue({ employeeId: 'E1' })).toEqual({ employeeId: 'E1' });
  });
});
