import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFingerprinter } from '../src/index.js';
import { eventFor, libraryError } from './helpers.js';

const id = fc.integer({ min: 100, max: 99_999_999 }).map(String);
const email = fc
  .tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.stringMatching(/^[a-z]{3,8}$/))
  .map(([user, host]) => `${user}@${host}.com`);
const ip = fc
  .tuple(
    fc.integer({ min: 11, max: 223 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 1, max: 254 }),
  )
  .map((parts) => parts.join('.'));
const uuid = fc.uuid();

/** Events of every built-in rule, each carrying the planted values in its message, URL, SQL and path. */
const planted = fc.record({ id, email, ip, uuid }).chain((values) =>
  fc
    .constantFrom(
      () =>
        libraryError('QueryFailedError', `duplicate key ${values.email}`, {
          query: `UPDATE users SET email = '${values.email}' WHERE id = ${values.id}`,
        }),
      () =>
        libraryError('DatabaseError', `value ${values.id} violates check`, {
          code: '23514',
          severity: 'ERROR',
        }),
      () =>
        libraryError('AxiosError', `connect ECONNREFUSED ${values.ip}:443`, {
          code: 'ECONNREFUSED',
          config: { url: `https://${values.ip}/v1/users/${values.id}?email=${values.email}` },
        }),
      () =>
        libraryError('Error', `connect ETIMEDOUT ${values.ip}:6379`, {
          code: 'ETIMEDOUT',
          address: values.ip,
          port: 6379,
        }),
      () => libraryError('HttpError', `Too Many Requests for ${values.email}`, { status: 429 }),
      () => libraryError('UnauthorizedError', `token of user ${values.id} expired`),
      () => libraryError('ZodError', `orders.${values.uuid}.email: ${values.email} is invalid`),
    )
    .map((make) => ({ values, error: make() })),
);

describe('property: a fingerprint never carries a raw id, email, IP or path id', () => {
  const fingerprinter = createFingerprinter();

  it('for every built-in rule', () => {
    fc.assert(
      fc.property(planted, ({ values, error }) => {
        const [event, hint] = eventFor(error, {
          event: {
            transaction: `GET /api/users/${values.id}/orders/${values.uuid}`,
            request: {
              method: 'GET',
              url: `https://shop.example.com/api/users/${values.id}?email=${values.email}`,
            },
          },
        });
        const fingerprint = fingerprinter.fingerprint(event, hint);
        expect(fingerprint).toBeDefined();
        const text = fingerprint!.join(' ');
        for (const value of Object.values(values)) expect(text).not.toContain(value);
      }),
      { numRuns: 500 },
    );
  });

  it('{{ error.value }} groups messages that differ only in their variable parts', () => {
    const own = createFingerprinter({
      rules: [{ match: { type: '*' }, fingerprint: ['{{ error.value }}'] }],
      defaults: false,
    });
    fc.assert(
      fc.property(fc.tuple(id, id), fc.tuple(email, email), fc.tuple(ip, ip), ([a, b], [c, d], [e, f]) => {
        const one = own.fingerprint(...eventFor(new Error(`order ${a} for ${c} from ${e} failed`)));
        const two = own.fingerprint(...eventFor(new Error(`order ${b} for ${d} from ${f} failed`)));
        expect(one).toEqual(two);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the event and the original error', () => {
    const fingerprinter = createFingerprinter({
      rules: [{ match: { tags: { x: '*' } }, fingerprint: ['{{ tags.x }}'] }],
    });
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (event, original) => {
        expect(() =>
          fingerprinter.fingerprint(event as never, { originalException: original }),
        ).not.toThrow();
        expect(() => fingerprinter.explain(event as never, { originalException: original })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
