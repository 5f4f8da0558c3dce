import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

const F = '[Filtered]';
const EMAIL = 'jane.doe@example.com';
const scrubber = createScrubber();

/** Every string reachable from `value` through own properties, following cycles once. Never throws. */
function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'bigint' || typeof value === 'number') return [String(value)];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  try {
    return Object.values(value).flatMap((child) => reachableStrings(child, seen));
  } catch {
    return [];
  }
}

function expectNoSecret(value: unknown, ...secrets: string[]): void {
  const strings = reachableStrings(value);
  for (const secret of secrets) expect(strings.filter((text) => text.includes(secret))).toEqual([]);
}

describe('cycles and shared references', () => {
  // A reference back to an ancestor may come back as the scrubbed ancestor or as a marker: either
  // way nothing reachable from the result may hold the secret.
  it('scrubs an object that contains itself', () => {
    const event: Record<string, unknown> = { email: EMAIL, ok: 1 };
    event.self = event;
    const result = scrubber.scrubValue(event);
    expect(result.email).toBe(F);
    expect(result.ok).toBe(1);
    expectNoSecret(result, EMAIL);
  });

  it('scrubs an array that contains itself', () => {
    const list: unknown[] = [EMAIL, 'plain'];
    list.push(list);
    const result = scrubber.scrubValue(list);
    expect(result.slice(0, 2)).toEqual([F, 'plain']);
    expect(result).toHaveLength(3);
    expectNoSecret(result, EMAIL);
  });

  it('scrubs an indirect cycle through scrubEvent', () => {
    const a: Record<string, unknown> = { password: 'hunter2' };
    const b: Record<string, unknown> = { a, note: `mail ${EMAIL}` };
    a.b = b;
    const result = scrubber.scrubEvent({ event_id: 'fa67c51c2fbe4dc5b3588ee58184238d', extra: { a, b } })!;
    expectNoSecret(result, 'hunter2', EMAIL);
  });

  it('scrubs the same object reached twice', () => {
    const shared = { email: EMAIL };
    expect(scrubber.scrubValue({ x: shared, y: [shared, shared] })).toEqual({
      x: { email: F },
      y: [{ email: F }, { email: F }],
    });
  });

  it('finishes on a DAG of depth 60 with 2^60 paths', () => {
    let node: Record<string, unknown> = { email: EMAIL, leaf: true };
    for (let i = 0; i < 60; i++) node = { left: node, right: node };
    const result = scrubber.scrubValue(node);
    let leaf = result;
    for (let i = 0; i < 60; i++) leaf = (i % 2 ? leaf.left : leaf.right) as Record<string, unknown>;
    expect(leaf).toEqual({ email: F, leaf: true });
  }, 10_000);
});

describe('objects that resist reading', () => {
  it('replaces a getter that throws and keeps the rest', () => {
    const value = {
      get password(): string {
        throw new Error('nope');
      },
      get email(): string {
        throw new Error('nope');
      },
      contact: EMAIL,
      ok: 1,
    };
    const result = scrubber.scrubValue({ value }) as { value: Record<string, unknown> };
    expect(result.value.contact).toBe(F);
    expect(result.value.ok).toBe(1);
    expectNoSecret(result, EMAIL);
  });

  it('survives a Proxy whose every trap throws', () => {
    const boom = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy(
      { email: EMAIL },
      { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, set: boom },
    );
    const result = scrubber.scrubValue({ proxy, email: EMAIL });
    expect(result.email).toBe(F);
    expectNoSecret(result, EMAIL);
  });

  it('survives a Proxy whose get trap throws but whose keys are readable', () => {
    const get = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({ email: EMAIL, id: 1 }, { get });
    expect(() => scrubber.scrubValue({ proxy })).not.toThrow();
    expectNoSecret(scrubber.scrubValue({ proxy }), EMAIL);
  });

  it('survives a revoked Proxy, nested or at the root', () => {
    const { proxy, revoke } = Proxy.revocable({ email: EMAIL }, {});
    revoke();
    expect(scrubber.scrubValue({ proxy, email: EMAIL })).toEqual({ proxy: F, email: F });
    expect(scrubber.scrubValue(proxy)).toBe(F);
    expect(scrubber.scrubEvent({ extra: { proxy } })).toEqual({ extra: { proxy: F } });
  });

  it('returns a scrubbed copy of a frozen object and leaves the original alone', () => {
    const frozen = Object.freeze({
      password: 'hunter2',
      note: `mail ${EMAIL}`,
      inner: Object.freeze({ token: 'abc123' }),
    });
    const result = scrubber.scrubValue(frozen);
    expect(result).toEqual({ password: F, note: `mail ${F}`, inner: { token: F } });
    expect(result).not.toBe(frozen);
    expect(frozen.password).toBe('hunter2');
  });

  it('scrubs a frozen array inside an event', () => {
    const result = scrubber.scrubEvent({ extra: { list: Object.freeze([EMAIL, 'plain']) } })!;
    expect(result.extra).toEqual({ list: [F, 'plain'] });
  });

  it('leaves no secret reachable through a frozen object that contains itself', () => {
    const frozen: Record<string, unknown> = { password: 'hunter2', email: EMAIL };
    frozen.self = frozen;
    Object.freeze(frozen);
    expectNoSecret(scrubber.scrubValue(frozen), 'hunter2', EMAIL);
    expectNoSecret(scrubber.scrubEvent({ extra: { frozen } }), 'hunter2', EMAIL);
  });

  it('leaves no secret reachable through a frozen array that contains itself', () => {
    const list: unknown[] = [EMAIL];
    list.push(list);
    Object.freeze(list);
    expectNoSecret(scrubber.scrubValue({ list }), EMAIL);
  });
});

describe('values that are not plain data', () => {
  it('turns class instances into scrubbed plain objects', () => {
    class Account {
      constructor(
        public email: string,
        public apiKey: string,
        public plan: string,
      ) {}
    }
    expect(scrubber.scrubValue({ account: new Account(EMAIL, 'k-123', 'pro') })).toEqual({
      account: { email: F, apiKey: F, plan: 'pro' },
    });
  });

  it('scrubs Map entries by key and value, and Set members', () => {
    const map = new Map<unknown, unknown>([
      ['password', 'hunter2'],
      ['contact', EMAIL],
      ['plan', 'pro'],
    ]);
    expect(scrubber.scrubValue({ map, set: new Set([EMAIL, 'plain']) })).toEqual({
      map: { password: F, contact: F, plan: 'pro' },
      set: [F, 'plain'],
    });
  });

  it('scrubs an Error: message, stack and own properties', () => {
    const error = Object.assign(new Error(`declined 4111 1111 1111 1111 for ${EMAIL}`), {
      token: 'abc123',
      code: 'E_DECLINED',
    });
    const result = scrubber.scrubValue({ error }) as unknown as { error: Record<string, unknown> };
    expect(result.error.message).toBe(`declined ${F} for ${F}`);
    expect(result.error.name).toBe('Error');
    expect(result.error.token).toBe(F);
    expect(result.error.code).toBe('E_DECLINED');
    expect(String(result.error.stack)).toContain(`Error: declined ${F} for ${F}`);
    expectNoSecret(result, EMAIL, '4111', 'abc123');
  });

  it('replaces binary data', () => {
    const result = scrubber.scrubValue({
      buffer: Buffer.from(`password=hunter2 ${EMAIL}`),
      bytes: new Uint8Array([1, 2, 3]),
      raw: new ArrayBuffer(8),
      view: new DataView(new ArrayBuffer(4)),
      floats: new Float64Array(2),
    });
    expect(result).toEqual({ buffer: F, bytes: F, raw: F, view: F, floats: F });
  });

  it('filters a card number held as a BigInt and keeps other BigInts', () => {
    expect(scrubber.scrubValue({ card: 4111111111111111n, id: 12345678901234567890n, small: 7n })).toEqual({
      card: F,
      id: 12345678901234567890n,
      small: 7n,
    });
    expect(scrubber.scrubValue(4111111111111111n)).toBe(F);
  });

  it('filters a Symbol whose description holds a secret and keeps the others', () => {
    const plain = Symbol('plain');
    expect(scrubber.scrubValue({ a: Symbol(EMAIL), b: plain })).toEqual({ a: F, b: plain });
  });

  it('keeps functions, Dates, NaN, Infinity, -0, undefined and null without throwing', () => {
    const fn = () => 1;
    const date = new Date('2026-11-30T11:03:00.862Z');
    const input = {
      fn,
      date,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      ninf: -Infinity,
      zero: -0,
      u: undefined,
      n: null,
    };
    const result = scrubber.scrubValue({ ...input });
    expect(result).toEqual(input);
    expect(result.date).toBe(date);
    expect(Object.is(result.zero, -0)).toBe(true);
  });

  it('scrubs a boxed String', () => {
    expect(scrubber.scrubValue({ text: new String(`mail ${EMAIL}`) })).toEqual({ text: `mail ${F}` });
  });
});

describe('size and depth', () => {
  const TEN_MB = 10 * 1024 * 1024;

  it.each([
    ['a run of one letter', 'x'],
    ['a log with timestamps', '2026-11-30T11:03:00.862Z INFO worker: job 42 done in 12ms\n'],
  ])(
    'filters a secret at the end of a 10 MB string: %s',
    (_, unit) => {
      const text = `${unit.repeat(Math.ceil(TEN_MB / unit.length))} password=hunter2 mail ${EMAIL}`;
      const result = scrubber.scrubString(text);
      expect(result).not.toContain('hunter2');
      expect(result).not.toContain(EMAIL);
      expect(result.length).toBeGreaterThan(TEN_MB);
    },
    10_000,
  );

  it('replaces the deep part of 10,000 levels of nesting', () => {
    let object: Record<string, unknown> = { email: EMAIL };
    let array: unknown[] = [EMAIL];
    for (let i = 0; i < 10_000; i++) {
      object = { child: object };
      array = [array];
    }
    const result = scrubber.scrubEvent({ extra: { object, array } })!;
    expectNoSecret(result, EMAIL);
    const text = JSON.stringify(result);
    expect(text).toContain(F);
    expect(text.length).toBeLessThan(10_000);
  });

  it('replaces the deep part of a JSON string nested 10,000 levels', () => {
    const text = `${'['.repeat(10_000)}"${EMAIL}"${']'.repeat(10_000)}`;
    expect(scrubber.scrubString(text)).not.toContain(EMAIL);
  });
});
