import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, GlobSyntaxError } from '../src/glob.js';

/** A reference: the glob as a regular expression (fine for short test inputs). */
function reference(pattern: string, caseSensitive: boolean): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') source += '[^]*';
    else if (char === '?') source += '[^]';
    else if (char === '\\') source += `\\u${pattern.charCodeAt(++index).toString(16).padStart(4, '0')}`;
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      const negated = pattern[index + 1] === '!';
      const chars = [...pattern.slice(index + (negated ? 2 : 1), close)].map(
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      source += `[${negated ? '^' : ''}${chars.join('')}]`;
      index = close;
    } else source += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return new RegExp(`^${source}$`, caseSensitive ? 'u' : 'iu');
}

describe('globs', () => {
  it.each([
    ['*Error', 'QueryFailedError', true],
    ['*Error', 'QueryFailedErrorX', false],
    ['pg.*', 'pg.pool', true],
    ['5??', '503', true],
    ['5??', '5030', false],
    ['[!a]bc', 'xbc', true],
    ['[!a]bc', 'abc', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['*a*b*c*', 'xxaxxbxxcxx', true],
  ])('%s ~ %s → %s', (pattern, value, expected) => {
    expect(compileGlob(pattern, true).matches(value)).toBe(expected);
  });

  it('is case-insensitive when asked', () => {
    expect(compileGlob('*TIMEOUT*', false).matches('socket timeout')).toBe(true);
    expect(compileGlob('*TIMEOUT*', true).matches('socket timeout')).toBe(false);
  });

  it('rejects an unclosed class and a trailing escape, saying where', () => {
    expect(() => compileGlob('Foo[ab', true)).toThrow(GlobSyntaxError);
    expect(() => compileGlob('Foo\\', true)).toThrow(/escapes nothing/);
  });

  it('agrees with a regular-expression reference on random globs and values', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', '.');
    const pattern = fc
      .array(fc.oneof(alphabet, fc.constant('[ab]'), fc.constant('[!a]'), fc.constant('\\*')), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''));
    const value = fc
      .array(fc.constantFrom('a', 'b', 'A', '*', '.', 'x'), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (glob, text, caseSensitive) => {
        expect(compileGlob(glob, caseSensitive).matches(text)).toBe(
          reference(glob, caseSensitive).test(text),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on patterns that make regular expressions backtrack', () => {
    const value = 'a'.repeat(20_000);
    expect(compileGlob('*a*a*a*a*a*a*a*a*b', true).matches(value)).toBe(false);
  }, 10_000);
});
