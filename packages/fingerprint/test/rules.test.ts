import { describe, expect, it } from 'vitest';
import { createFingerprinter, FingerprintRuleError } from '../src/index.js';
import { eventFor, libraryError } from './helpers.js';

describe('user rules', () => {
  const fingerprinter = createFingerprinter({
    rules: [
      {
        name: 'payments',
        match: { type: 'Payment*Error', tags: { region: 'eu-*' } },
        fingerprint: ['payments', '{{ error.type }}', '{{ tags.region }}'],
      },
      { match: { value: '*timeout*', function: 'sync*' }, fingerprint: ['{{ default }}', 'sync-timeout'] },
      {
        match: { path: '*/jobs/*', level: 'fatal' },
        fingerprint: ['jobs', '{{ module }}', '{{ function }}'],
      },
      { match: { statusCode: '5??' }, fingerprint: ['upstream', '{{ status_code }}', '{{ transaction }}'] },
    ],
  });

  it('runs before the defaults, first match wins, variables are filled', () => {
    const [event, hint] = eventFor(libraryError('PaymentDeclinedError', 'card declined'), {
      event: { tags: { region: 'eu-west-1' } },
    });
    expect(fingerprinter.fingerprint(event, hint)).toEqual(['payments', 'PaymentDeclinedError', 'eu-west-1']);
  });

  it('type is case-sensitive, other globs are not', () => {
    const [event, hint] = eventFor(libraryError('paymentDeclinedError', 'x'), {
      event: { tags: { region: 'EU-west' } },
    });
    expect(fingerprinter.explain(event, hint).steps[0]).toMatchObject({ rule: 'payments', matched: false });
    const [timeout, timeoutHint] = eventFor(libraryError('Error', 'Socket TIMEOUT after 30s'), {
      functionName: 'syncOrders',
    });
    expect(fingerprinter.fingerprint(timeout, timeoutHint)).toEqual(['{{ default }}', 'sync-timeout']);
  });

  it('{{ transaction }} and {{ status_code }}; raw ids never reach the fingerprint', () => {
    const [event, hint] = eventFor(libraryError('HttpError', 'bad gateway', { status: 502 }), {
      event: { transaction: 'GET /api/users/4821' },
    });
    expect(fingerprinter.fingerprint(event, hint)).toEqual(['upstream', '502', 'GET /api/users/:id']);
  });

  it('{{ error.value }} is parameterized', () => {
    const own = createFingerprinter({
      rules: [{ match: { type: 'Error' }, fingerprint: ['{{ error.value }}'] }],
      defaults: false,
    });
    const one = own.fingerprint(...eventFor(new Error('User 42 not found')));
    const two = own.fingerprint(...eventFor(new Error('User 97 not found')));
    expect(one).toEqual(two);
    expect(one?.join(' ')).not.toMatch(/42|97/);
  });

  it('defaults can be turned off one by one or all at once', () => {
    const error = libraryError('ZodError', 'bad');
    expect(
      createFingerprinter({ defaults: { validation: false } }).fingerprint(...eventFor(error)),
    ).toBeUndefined();
    expect(
      createFingerprinter({ defaults: false }).fingerprint(
        ...eventFor(libraryError('UnauthorizedError', 'x')),
      ),
    ).toBeUndefined();
  });
});

describe('explain()', () => {
  it('says which rule matched, on what, and why the ones before did not', () => {
    const fingerprinter = createFingerprinter({
      rules: [{ name: 'billing', match: { module: 'billing*' }, fingerprint: ['billing'] }],
    });
    const error = libraryError('QueryFailedError', 'deadlock detected', { query: 'UPDATE orders SET x = 1' });
    const explanation = fingerprinter.explain(...eventFor(error));
    expect(explanation.rule).toBe('database');
    expect(explanation.fingerprint).toEqual(['database', 'typeorm', 'UPDATE', 'QueryFailedError']);
    expect(explanation.steps.map((step) => [step.rule, step.matched])).toEqual([
      ['billing', false],
      ['database', true],
    ]);
    expect(explanation.steps[0]?.reason).toContain('module matches "billing*": no');
    expect(explanation.steps[1]?.reason).toMatch(/typeorm error; the statement is a UPDATE/);
  });

  it('lists every rule when none matches', () => {
    const explanation = createFingerprinter().explain(...eventFor(new RangeError('Invalid array length')));
    expect(explanation.fingerprint).toBeUndefined();
    expect(explanation.steps.map((step) => step.rule)).toEqual([
      'database',
      'auth',
      'rate-limit',
      'external-service',
      'validation',
    ]);
    expect(explanation.steps.every((step) => !step.matched && step.reason.length > 0)).toBe(true);
  });
});

describe('bad rules are typed errors naming the rule and the field', () => {
  it.each([
    [{ match: { typo: 'x' }, fingerprint: ['a'] }, 'match.typo', /unknown matcher/],
    [{ match: { type: 'Foo[' }, fingerprint: ['a'] }, 'match.type', /never closed/],
    [{ match: {}, fingerprint: ['a'] }, 'match', /no matcher/],
    [{ match: { type: 'X' }, fingerprint: [] }, 'fingerprint', /non-empty array/],
    [
      { match: { type: 'X' }, fingerprint: ['{{ nope }}'] },
      'fingerprint[0]',
      /unknown variable \{\{ nope \}\}/,
    ],
    [{ match: { type: 'X' }, fingerprint: [''] }, 'fingerprint[0]', /non-empty string/],
    [{ match: { statusCode: true }, fingerprint: ['a'] }, 'match.statusCode', /number or a glob/],
  ])('%j', (rule, field, message) => {
    const attempt = () => createFingerprinter({ rules: [{ name: 'mine', ...(rule as object) } as never] });
    expect(attempt).toThrow(FingerprintRuleError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ rule: 'mine', field });
    }
  });

  it('an unknown built-in rule name', () => {
    expect(() => createFingerprinter({ defaults: { nope: false } as never })).toThrow(
      /defaults\.nope.*Known/,
    );
  });
});

describe('never throws', () => {
  it('a rule that throws while matching is skipped and reported once', () => {
    const reports: string[] = [];
    const fingerprinter = createFingerprinter({
      rules: [{ name: 'tags', match: { tags: { region: '*' } }, fingerprint: ['x'] }],
      onRuleError: (_error, rule) => reports.push(rule),
    });
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    for (let index = 0; index < 3; index++) {
      const [event, hint] = eventFor(libraryError('ZodError', 'x'), { event: { tags: hostile as never } });
      expect(fingerprinter.fingerprint(event, hint)).toEqual(['validation', 'ZodError', 'handler']);
    }
    expect(reports).toEqual(['tags']);
  });

  it('odd events and hints', () => {
    const fingerprinter = createFingerprinter();
    for (const event of [{}, { exception: {} }, { exception: { values: [] } }, { message: 'hi' }])
      expect(() => fingerprinter.fingerprint(event, { originalException: 42 })).not.toThrow();
    const getterBomb = Object.defineProperty({}, 'code', {
      get: () => {
        throw new Error('no');
      },
    });
    expect(() =>
      fingerprinter.fingerprint(...eventFor(Object.assign(new Error('x'), { cause: getterBomb }))),
    ).not.toThrow();
  });
});
