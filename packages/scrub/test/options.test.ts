import { describe, expect, it } from 'vitest';
import { createScrubber, DETECTOR_NAMES, type ScrubOptions, ScrubOptionsError } from '../src/index.js';

/** [what is wrong, options, the `option` the error must name, what its message must say to fix it] */
const BAD_OPTIONS: Array<[string, unknown, string, RegExp]> = [
  ['options is not an object', 'strict', 'options', /options object/],
  ['options is null', null, 'options', /options object/],
  ['an unknown option', { keyz: ['x'] }, 'keyz', /Known options: .*keys/],
  ['a misspelt option', { allowPath: ['a.b'] }, 'allowPath', /Known options: .*allowPaths/],
  ['keys is not an array', { keys: 'password' }, 'keys', /array/],
  ['a key that is not a string or RegExp', { keys: ['ok', 42] }, 'keys[1]', /key name/],
  ['patterns is not an array', { patterns: /x/ }, 'patterns', /array/],
  ['a pattern given as a string', { patterns: [/EMP-\d+/, 'EMP-\\d+'] }, 'patterns[1]', /regular expression/],
  [
    'a pattern object without a RegExp',
    { patterns: [{ name: 'emp', pattern: 'EMP' }] },
    'patterns[0]',
    /\/EMP-/,
  ],
  [
    'a pattern object without a name',
    { patterns: [{ name: '', pattern: /x/ }] },
    'patterns[0].name',
    /Name the pattern/,
  ],
  ['allowKeys holding a RegExp', { allowKeys: [/x/] }, 'allowKeys[0]', /key name/],
  ['an empty allowPaths entry', { allowPaths: ['request.url', ''] }, 'allowPaths[1]', /request\.headers/],
  ['allowPaths holding a number', { allowPaths: [1] }, 'allowPaths[0]', /dotted path|request\.headers/],
  ['detectors is an array', { detectors: ['email'] }, 'detectors', /ipv4: false/],
  ['an unknown detector', { detectors: { foo: false } }, 'detectors.foo', /Known detectors: .*email/],
  ['a misspelt detector', { detectors: { ip4: false } }, 'detectors.ip4', /ipv4/],
  ['a detector switched with a string', { detectors: { email: 'off' } }, 'detectors.email', /boolean/],
  ['replacement is not a string', { replacement: 42 }, 'replacement', /\[Filtered\]/],
  ['replacement is null', { replacement: null }, 'replacement', /\[Filtered\]/],
  ['pseudonymize is not a function', { pseudonymize: 'sha256' }, 'pseudonymize', /createPseudonymizer/],
  ['onFailure is unknown', { onFailure: 'ignore' }, 'onFailure', /'drop' or 'minimal'/],
  ['maxDepth is 0', { maxDepth: 0 }, 'maxDepth', /Use e\.g\. 64/],
  ['maxDepth is negative', { maxDepth: -5 }, 'maxDepth', /Use e\.g\. 64/],
  ['maxDepth is not an integer', { maxDepth: 1.5 }, 'maxDepth', /Use e\.g\. 64/],
  ['maxDepth is too large', { maxDepth: 1001 }, 'maxDepth', /Use e\.g\. 64/],
  ['maxDepth is a string', { maxDepth: '64' }, 'maxDepth', /Use e\.g\. 64/],
  ['maxDepth is NaN', { maxDepth: Number.NaN }, 'maxDepth', /Use e\.g\. 64/],
  ['onFinding is not a function', { onFinding: true }, 'onFinding', /callback/],
  ['cacheSize is negative', { cacheSize: -1 }, 'cacheSize', /turn the cache off|Known options/],
];

function errorOf(options: unknown): ScrubOptionsError {
  try {
    createScrubber(options as ScrubOptions);
  } catch (error) {
    if (error instanceof ScrubOptionsError) return error;
    throw new Error(`expected a ScrubOptionsError, got ${String(error)}`);
  }
  throw new Error('expected createScrubber to throw');
}

describe('bad options throw a ScrubOptionsError', () => {
  it.each(BAD_OPTIONS)('%s', (_, options, option, fix) => {
    const error = errorOf(options);
    expect(error.option).toBe(option);
    expect(error.name).toBe('ScrubOptionsError');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`\`${option}\``);
    expect(error.message).toMatch(fix);
  });

  it('names the first bad entry of a list', () => {
    expect(errorOf({ patterns: [/a/, /b/, 'c', 'd'] }).option).toBe('patterns[2]');
    expect(errorOf({ keys: ['a', 'b', 'c', null] }).option).toBe('keys[3]');
  });

  it('lists every known detector when one is unknown', () => {
    const { message } = errorOf({ detectors: { foo: false } });
    for (const name of DETECTOR_NAMES) expect(message).toContain(name);
  });
});

describe('good options are accepted', () => {
  it.each<[string, ScrubOptions | undefined]>([
    ['no options', undefined],
    ['empty options', {}],
    [
      'every option',
      {
        keys: ['employeeId', /^x-tenant-/i],
        patterns: [/EMP-\d{6}/, { name: 'order', pattern: /ORD-\d+/g }],
        allowKeys: ['x-request-id'],
        allowPaths: ['request.headers.x-request-id', 'extra.*.id', 'contexts.**'],
        detectors: Object.fromEntries(DETECTOR_NAMES.map((name) => [name, true])),
        replacement: '',
        pseudonymize: (value: string) => `anon:${value.length}`,
        onFailure: 'drop',
        maxDepth: 1000,
        onFinding: () => {},
      },
    ],
    ['options explicitly undefined', { keys: undefined, maxDepth: undefined, replacement: undefined }],
    ['maxDepth 1', { maxDepth: 1 }],
  ])('%s', (_, options) => {
    const scrubber = createScrubber(options);
    expect(typeof scrubber.scrubEvent).toBe('function');
    expect(scrubber.scrubString('plain text')).toBe('plain text');
  });

  it('does not keep a reference to the caller’s pattern state', () => {
    const pattern = /EMP-\d{6}/g;
    const scrubber = createScrubber({ patterns: [pattern] });
    pattern.lastIndex = 5;
    expect(scrubber.scrubString('EMP-123456')).toBe('[Filtered]');
    expect(scrubber.scrubString('EMP-123456')).toBe('[Filtered]');
  });
});
