import { describe, expect, it } from 'vitest';
import { InstrumentRedisOptionsError, instrumentRedis } from '../src/index.js';
import { resolveOptions } from '../src/options.js';

describe('options', () => {
  it('has defaults', () => {
    expect(resolveOptions(undefined)).toEqual({
      cachePrefixes: [],
      breadcrumbs: 'with-spans',
      spans: 'auto',
      rootSpans: false,
      captureConnectionErrors: true,
      maxArgs: 10,
    });
  });

  it.each([
    [{ cachePrefixes: 'session:' }, 'cachePrefixes', /expected an array, got the string "session:"/],
    [{ cachePrefixes: ['ok', ''] }, 'cachePrefixes[1]', /non-empty string/],
    [{ breadcrumbs: 'sometimes' }, 'breadcrumbs', /'with-spans', 'always', 'never'/],
    [{ spans: true }, 'spans', /'auto', 'always', 'never'/],
    [{ rootSpans: 'yes' }, 'rootSpans', /true or false/],
    [{ captureConnectionErrors: 1 }, 'captureConnectionErrors', /true or false/],
    [{ maxArgs: -1 }, 'maxArgs', /integer ≥ 0, got -1/],
    [{ maxArgs: 2.5 }, 'maxArgs', /integer/],
    [{ cachePrefix: ['session:'] }, 'cachePrefix', /unknown option\. Known options: cachePrefixes/],
    ['fast', 'options', /expected an object/],
  ])('rejects %j', (options, option, message) => {
    const attempt = () => resolveOptions(options as never);
    expect(attempt).toThrow(InstrumentRedisOptionsError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as InstrumentRedisOptionsError).option).toBe(option);
    }
  });

  it('checks the client too', () => {
    expect(() => instrumentRedis({} as never)).toThrow(
      'instrumentRedis expects an ioredis Redis or Cluster client',
    );
    expect(() => instrumentRedis(null as never)).toThrow(TypeError);
  });
});
