import { describe, expect, it } from 'vitest';
import { assertNoSecrets, createTestTransport, findSecrets, SecretLeakError } from '../src/index.js';
import { send } from './support/envelopes.js';

const sent = (items: Parameters<typeof send>[1], header = {}) => send(createTestTransport(), items, header);

const paths = (haystack: unknown, secrets: Parameters<typeof findSecrets>[1]) =>
  findSecrets(haystack, secrets).map(({ name, variant, path }) => `${name} ${variant} ${path}`);

describe('findSecrets in recorded envelopes', () => {
  it('names the envelope, the item, its type and the path inside the payload', async () => {
    const kit = await sent([
      [{ type: 'client_report' }, { discarded_events: [] }],
      [{ type: 'event' }, { exception: { values: [{ value: 'login password=hunter2-planted' }] } }],
    ]);
    expect(findSecrets(kit, { password: 'hunter2-planted' })).toEqual([
      {
        name: 'password',
        kind: undefined,
        variant: 'as-is',
        path: 'envelopes[0].items[1](event).exception.values[0].value',
        masked: 'hu…',
      },
    ]);
  });

  it('searches envelope headers and item headers', async () => {
    const kit = await sent([[{ type: 'attachment', filename: 'jane.doe@example.com.txt' }, 'x']], {
      trace: { transaction: 'GET /users/jane.doe@example.com' },
    });
    expect(paths(kit, { email: 'jane.doe@example.com' })).toEqual([
      'email as-is envelopes[0].header.trace.transaction',
      'email as-is envelopes[0].items[0].header.filename',
    ]);
  });

  it('searches the raw text for what parsing does not show, and only then', async () => {
    const kit = await sent([[{ type: 'event' }, { message: 'token tok-planted-42' }]]);
    expect(paths(kit, ['tok-planted-42'])).toEqual(['secrets[0] as-is envelopes[0].items[0](event).message']);

    const broken = [
      { header: {}, items: [], raw: 'not an envelope tok-planted-42', error: 'not a valid envelope' },
    ];
    expect(paths(broken, ['tok-planted-42'])).toEqual(['secrets[0] as-is envelopes[0].raw']);
  });

  it('accepts the transport, its envelopes, the views waitFor resolves with, and plain lists', async () => {
    const kit = await sent([[{ type: 'event' }, { message: 'card 4111 1111 1111 1111' }]]);
    const secrets = { card: '4111 1111 1111 1111' };
    const expected = ['card as-is envelopes[0].items[0](event).message'];
    expect(paths(kit, secrets)).toEqual(expected);
    expect(paths(kit.envelopes, secrets)).toEqual(expected);
    expect(paths(await kit.waitFor(() => true), secrets)).toEqual(expected);
    expect(paths(kit.events(), secrets)).toEqual(['card as-is $[0].message']);
    expect(paths('card 4111 1111 1111 1111', secrets)).toEqual(['card as-is $']);
    expect(paths([], secrets)).toEqual([]);
  });

  it('refuses a Promise and a loopback receiver, which must be awaited first', () => {
    expect(() => findSecrets(Promise.resolve([]), ['abcdefgh'])).toThrow(/Promise; await it first/);
    expect(() => findSecrets({ envelopes: async () => [] }, ['abcdefgh'])).toThrow(
      /await receiver.envelopes\(\)/,
    );
  });
});

describe('findSecrets variants', () => {
  const find = (haystack: unknown, secret: string) => paths(haystack, { secret });

  it('as is, in strings, numbers and object keys; a key never shows the secret', () => {
    expect(find({ a: [{ b: 'x 4111111111111111 y' }] }, '4111111111111111')).toEqual([
      'secret as-is $.a[0].b',
    ]);
    expect(find({ pan: 4111111111111111 }, '4111111111111111')).toEqual(['secret as-is $.pan']);
    expect(find({ byEmail: { 'jane.doe@example.com': { id: 1 } } }, 'jane.doe@example.com')).toEqual([
      'secret as-is $.byEmail[‹secret›]',
    ]);
    expect(find({ 'x-api-key': 'k-planted-77', 'sentry.op': 'k-planted-77' }, 'k-planted-77')).toEqual([
      'secret as-is $["x-api-key"]',
      'secret as-is $["sentry.op"]',
    ]);
  });

  it('JSON-escaped, inside JSON held in a string', () => {
    const body = JSON.stringify({ note: 'say "open-sesame-42"' });
    expect(find({ request: { data: body } }, 'say "open-sesame-42"')).toEqual([
      'secret json-escaped $.request.data',
    ]);
  });

  it('URL-encoded and form-encoded', () => {
    expect(find('https://shop/?to=jane.doe%40example.com', 'jane.doe@example.com')).toEqual([
      'secret url-encoded $',
    ]);
    expect(find('q=my+secret+phrase&page=2', 'my secret phrase')).toEqual(['secret form-encoded $']);
    expect(find('q=my%20secret%20phrase', 'my secret phrase')).toEqual(['secret url-encoded $']);
  });

  it('in base64 and base64url, at any byte alignment', () => {
    for (const prefix of ['', 'u:', 'us:', 'use:'])
      expect(find(`Basic ${btoa(`${prefix}hunter2-planted`)}`, 'hunter2-planted')).toEqual([
        'secret base64 $',
      ]);
    const url = Buffer.from('?>?>hunter2-planted?>?>').toString('base64url');
    expect(find(url, 'hunter2-planted')).toEqual(['secret base64 $']);
  });

  it('lower-cased for emails and IPv6 addresses only', () => {
    expect(find('to jane.doe@example.com', 'Jane.Doe@Example.com')).toEqual(['secret lower-case $']);
    expect(find('from 2001:db8::8a2e:370:7334', '2001:DB8::8A2E:370:7334')).toEqual(['secret lower-case $']);
    expect(find('token abcdefgh-planted', 'ABCDEFGH-PLANTED')).toEqual([]);
  });

  it('without whitespace and dashes, on both sides', () => {
    expect(find('card 4111-1111-1111-1111', '4111 1111 1111 1111')).toEqual(['secret compact $']);
    expect(find('card 4111111111111111', '4111 1111 1111 1111')).toEqual(['secret compact $']);
    expect(find('card 4111 1111 1111 1111', '4111111111111111')).toEqual(['secret compact $']);
  });

  it('a short secret with a key only under that key, as a field or as key=value text', () => {
    const cvv = [{ name: 'cvv', value: '737', key: 'cvv' }];
    expect(paths({ card: { CVV: 737 } }, cvv)).toEqual(['cvv keyed $.card.CVV']);
    expect(paths({ message: 'declined: cvv=737' }, cvv)).toEqual(['cvv keyed $.message']);
    expect(paths({ data: '{"cvv":"737"}' }, cvv)).toEqual(['cvv keyed $.data']);
    expect(paths({ id: 737, message: 'order 737 of cvv=7370', cvv: '[Filtered]' }, cvv)).toEqual([]);
  });
});

describe('secrets', () => {
  it('takes { name: value }, a list of values, and definitions', () => {
    expect(paths('a hunter2-planted b', ['nothing-here', 'hunter2-planted'])).toEqual(['secrets[1] as-is $']);
    expect(paths('a hunter2-planted b', [{ name: 'pw', value: 'hunter2-planted', kind: 'key' }])).toEqual([
      'pw as-is $',
    ]);
  });

  it('rejects a secret shorter than 6 characters with a TypeError that names it and hides it', () => {
    expect(() => findSecrets('x', { pin: '12345' })).toThrow(TypeError);
    expect(() => findSecrets('x', { pin: '12345' })).toThrow(
      /findSecrets: secret "pin" is 5 characters long/,
    );
    expect(() => assertNoSecrets('x', ['']) as unknown).toThrow(/assertNoSecrets: secret "secrets\[0\]"/);
    expect(() => findSecrets('x', { pin: '12345' })).not.toThrow(/12345/);
    expect(() => findSecrets('x', [42] as never)).toThrow(TypeError);
    expect(findSecrets('x', { pin6ch: '123456' })).toEqual([]);
  });
});

describe('assertNoSecrets', () => {
  it('passes when nothing leaked', async () => {
    const kit = await sent([[{ type: 'event' }, { message: 'card [Filtered] declined' }]]);
    expect(() => assertNoSecrets(kit, { card: '4111 1111 1111 1111' })).not.toThrow();
  });

  it('throws a SecretLeakError listing each finding on its line, with masked values only', async () => {
    const secrets = { card: '4111 1111 1111 1111', email: 'jane.doe@example.com', other: 'never-sent-xyz' };
    const kit = await sent([
      [{ type: 'event' }, { message: 'card 4111-1111-1111-1111', user: { email: 'jane.doe@example.com' } }],
    ]);
    const error = (() => {
      try {
        assertNoSecrets(kit, secrets);
      } catch (caught) {
        return caught as SecretLeakError;
      }
    })();
    expect(error).toBeInstanceOf(SecretLeakError);
    expect(error).toBeInstanceOf(Error);
    expect(error?.name).toBe('SecretLeakError');
    expect(error?.message.split('\n')).toEqual([
      '2 secret(s) reached the wire, at 2 place(s):',
      '  card (41…) compact at envelopes[0].items[0](event).message',
      '  email (ja…) as-is at envelopes[0].items[0](event).user.email',
    ]);
    expect(error?.findings.map((finding) => finding.path)).toHaveLength(2);
    for (const value of Object.values(secrets))
      expect(JSON.stringify({ ...error, message: error?.message })).not.toContain(value);
  });
});
