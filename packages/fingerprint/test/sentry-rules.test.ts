import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSentryRules, RuleSyntaxError } from '../src/sentry-rules.js';
import type { FingerprintRule, RuleMatchers } from '../src/types.js';

const only = (text: string): FingerprintRule => {
  const rules = parseSentryRules(text);
  expect(rules).toHaveLength(1);
  return rules[0]!;
};

describe('parseSentryRules: the examples of Sentry’s documentation', () => {
  it('parses the introductory example, skipping comments and blank lines', () => {
    const text = [
      '# You can use comments to explain the rules.  Rules themselves follow the',
      '# following syntax:',
      'error.type:DatabaseUnavailable -> system-down',
      'error.type:ConnectionError -> system-down',
      '',
      'error.value:"connection error: *" -> connection-error, {{ transaction }}',
    ].join('\n');
    expect(parseSentryRules(text)).toEqual([
      { name: 'line 3', match: { type: 'DatabaseUnavailable' }, fingerprint: ['system-down'] },
      { name: 'line 4', match: { type: 'ConnectionError' }, fingerprint: ['system-down'] },
      {
        name: 'line 6',
        match: { value: 'connection error: *' },
        fingerprint: ['connection-error', '{{ transaction }}'],
      },
    ]);
  });

  it.each<[string, RuleMatchers, string[]]>([
    ['error.type:ZeroDivisionError -> zero-division', { type: 'ZeroDivisionError' }, ['zero-division']],
    [
      'error.value:"connection error (code: *)" -> connection-error',
      { value: 'connection error (code: *)' },
      ['connection-error'],
    ],
    ['message:"unexpected i/o error: *" -> io-error', { value: 'unexpected i/o error: *' }, ['io-error']],
    ['type:DatabaseUnavailable -> system-down', { type: 'DatabaseUnavailable' }, ['system-down']],
    ['type:TimeoutError -> {{ transaction }}', { type: 'TimeoutError' }, ['{{ transaction }}']],
    [
      'path:**/some-module/** -> {{ module }}, {{ function }}',
      { path: '**/some-module/**' },
      ['{{ module }}', '{{ function }}'],
    ],
    ['stack.abs_path:**/node_modules/** -> node-modules', { path: '**/node_modules/**' }, ['node-modules']],
    [
      'stack.module:"*/components/*" -> {{ default }}, ui',
      { module: '*/components/*' },
      ['{{ default }}', 'ui'],
    ],
    [
      'stack.function:assertion_failed stack.module:foo -> AssertionFailed, foo',
      { function: 'assertion_failed', module: 'foo' },
      ['AssertionFailed', 'foo'],
    ],
    ['function:*alloc* -> memory', { function: '*alloc*' }, ['memory']],
    ['level:warning -> warnings, {{ level }}', { level: 'warning' }, ['warnings', '{{ level }}']],
    [
      'tags.server_name:"canary-*.mycompany.internal" -> canary',
      { tags: { server_name: 'canary-*.mycompany.internal' } },
      ['canary'],
    ],
    [
      'family:javascript tags.transaction:"*" message:"Text content does not match server-rendered HTML." -> hydrationerror, {{tags.transaction}}',
      { tags: { transaction: '*' }, value: 'Text content does not match server-rendered HTML.' },
      ['hydrationerror', '{{ tags.transaction }}'],
    ],
    [
      'error.type:DatabaseUnavailable -> system-down, title="Database unavailable"',
      { type: 'DatabaseUnavailable' },
      ['system-down'],
    ],
    [
      'error.type:ConnectionError -> {{ error.type }}, title="{{ error.type }}: {{ error.value }}"',
      { type: 'ConnectionError' },
      ['{{ error.type }}'],
    ],
  ])('%s', (text, match, fingerprint) => {
    expect(only(text)).toEqual({ name: 'line 1', match, fingerprint });
  });
});

describe('parseSentryRules: syntax', () => {
  it('writes variables back as {{ name }}, with Sentry’s aliases mapped', () => {
    const rule = only(
      'type:A -> {{default}} {{  type }} {{value}} {{ message }} {{stack.function}} {{ stack.module }} {{stack.abs_path}} {{ status_code }} {{ tags.x-y }}',
    );
    expect(rule.fingerprint).toEqual([
      '{{ default }}',
      '{{ error.type }}',
      '{{ error.value }}',
      '{{ error.value }}',
      '{{ function }}',
      '{{ module }}',
      '{{ path }}',
      '{{ status_code }}',
      '{{ tags.x-y }}',
    ]);
  });

  it('reads quoted values with escapes; unknown escapes stay as written for the glob', () => {
    expect(only('value:"say \\"hi\\"\\n\\t\\\\ \\u0041\\x42 \\* \\[" -> a').match.value).toBe(
      'say "hi"\n\t\\ AB \\* \\[',
    );
    expect(only('"error.type":Foo -> a').match.type).toBe('Foo');
  });

  it('reads parts quoted or not, separated by commas or spaces, with a trailing comma', () => {
    expect(only('type:A -> a b,c , "d e", "{{ default }}", "x {{ y }}",').fingerprint).toEqual([
      'a',
      'b',
      'c',
      'd e',
      '{{ default }}',
      'x {{ y }}',
    ]);
    expect(only('type:A -> foo{{ default }}').fingerprint).toEqual(['foo', '{{ default }}']);
  });

  it('keeps colons of the value and case of the tag name', () => {
    expect(only('tags.Server.Name:a:b:* -> x').match).toEqual({ tags: { 'Server.Name': 'a:b:*' } });
  });

  it('accepts tabs, CRLF line ends, a byte-order mark and indented comments', () => {
    const rules = parseSentryRules('\uFEFFtype:A\t->\tx\r\n   # note\r\n\t\r\nlevel:fatal -> y\r');
    expect(rules).toEqual([
      { name: 'line 1', match: { type: 'A' }, fingerprint: ['x'] },
      { name: 'line 4', match: { level: 'fatal' }, fingerprint: ['y'] },
    ]);
  });

  it('drops family:javascript and lists holding javascript or all', () => {
    expect(only('family:javascript,native type:A -> x').match).toEqual({ type: 'A' });
    expect(only('family:all -> x').match).toEqual({});
  });

  it('accepts the globs of RuleMatchers: classes, negated classes, escapes, ] first in a class', () => {
    expect(only('type:[AB]*Error[!s] value:"[]]x\\\\[?" path:[\\] -> x').match).toEqual({
      type: '[AB]*Error[!s]',
      value: '[]]x\\[?',
      path: '[\\]',
    });
  });

  it('gives an empty list for empty text and comments only', () => {
    expect(parseSentryRules('')).toEqual([]);
    expect(parseSentryRules('# nothing\n\n  \n')).toEqual([]);
  });

  it('refuses a non-string', () => {
    expect(() => parseSentryRules(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('parseSentryRules: errors', () => {
  it.each<[string, string, number, RegExp]>([
    ['missing ->', 'type:A', 7, /missing "->"/],
    ['missing -> after several matchers', 'type:A value:b', 15, /missing "->"/],
    ['no matcher', '-> x', 1, /no matcher before "->"/],
    ['empty fingerprint', 'type:A ->', 10, /empty fingerprint/],
    ['only a title', 'type:A -> title="x"', 10, /empty fingerprint/],
    ['unknown matcher', 'type:A foo:bar -> x', 8, /"foo" is not a known matcher: use one of error.type/],
    ['matcher in capitals', 'Type:A -> x', 1, /lowercase: type/],
    ['unsupported Sentry matcher', 'logger:app.* -> x', 1, /"logger" is not supported here/],
    ['http.status_code', 'http.status_code:500 -> x', 1, /not a known matcher/],
    ['negation', 'type:A !value:b -> x', 8, /negation .* not supported/],
    ['caller matcher', '[ function:a ] | function:b -> x', 1, /caller\/callee/],
    ['space before the colon', 'type :A -> x', 5, /expected ":" after "type"/],
    ['not a matcher', ', -> x', 1, /expected a matcher/],
    ['missing value', 'type: -> x', 6, /missing value after "type:"/],
    ['empty pattern', 'type:"" -> x', 6, /empty pattern for type/],
    ['empty part', 'type:A -> x, " "', 14, /empty fingerprint part/],
    ['tag variable with a colon', 'type:A -> {{ tags.a:b }}', 11, /unknown variable/],
    ['glued arrow', 'type:A->x', 7, /needs a space/],
    ['unterminated quoted value', 'value:"abc -> x', 7, /unterminated quoted value/],
    ['unterminated quoted part', 'type:A -> "abc', 11, /unterminated quoted value/],
    ['unterminated class', 'type:Foo[abc -> x', 9, /unclosed "\["/],
    ['unterminated class in a quoted value', 'value:"a b [c" -> x', 12, /unclosed "\["/],
    ['empty class', 'type:a[] -> x', 7, /unclosed "\["/],
    ['class closed only after a character', 'type:[] -> x', 6, /unclosed "\["/],
    ['lone backslash', 'path:a\\ -> x', 7, /lone "\\"/],
    ['lone backslash in a quoted value', 'value:"a \\\\" -> x', 10, /lone "\\"/],
    ['repeated matcher', 'type:A error.type:B -> x', 8, /sets what an earlier matcher/],
    ['value and message', 'message:a value:b -> x', 11, /sets what an earlier matcher/],
    ['repeated tag', 'tags.a:1 tags.a:2 -> x', 10, /sets what an earlier matcher/],
    ['missing tag name', 'tags.:a -> x', 1, /missing tag name/],
    ['family that never matches Node', 'family:native -> x', 1, /never matches events from Node/],
    ['unknown variable', 'type:A -> x, {{ package }}', 14, /unknown variable "\{\{ package \}\}"/],
    ['unknown quoted variable', 'type:A -> "{{ foo }}"', 11, /unknown variable/],
    ['unclosed variable', 'type:A -> {{ default', 11, /unclosed variable/],
    ['single brace', 'type:A -> {x', 11, /unexpected "\{"/],
    ['unknown attribute', 'type:A -> x, level="a"', 14, /unknown attribute "level"/],
    ['extra comma', 'type:A -> x,, y', 13, /before ","/],
    ['comment after a rule', 'type:A -> x # why', 14, /comment must be on a line of its own/],
  ])('%s', (_, line, column, message) => {
    const text = `# first\n\ntype:Ok -> ok\n${line}\ntype:Later -> later`;
    let error: unknown;
    try {
      parseSentryRules(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleSyntaxError);
    const syntax = error as RuleSyntaxError;
    expect(syntax).toBeInstanceOf(Error);
    expect(syntax.name).toBe('RuleSyntaxError');
    expect([syntax.line, syntax.column]).toEqual([4, column]);
    expect(syntax.message).toMatch(message);
    expect(syntax.message.startsWith(`line 4, column ${column}: `)).toBe(true);
  });
});

// ------------------------------------------------------------------ round trip

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const LITERAL = 'abcXYZ019 _-.:/*?@"\'#,>!{}()=é\t\n';

const glob = fc
  .array(
    fc.oneof(
      chars(LITERAL, 1, 1),
      fc.constantFrom('\\*', '\\[', '\\\\', '\\"', '\\]'),
      fc.tuple(chars('abcz-', 1, 1), chars('abc-z!^', 0, 2)).map(([head, tail]) => `[${head}${tail}]`),
      chars('abc', 1, 3).map((body) => `[!${body}]`),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((tokens) => tokens.join(''));

const quote = (value: string) =>
  `"${value.replace(/[\\"\n\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t' })[c]!)}"`;
const safeUnquoted = (value: string) => /^[^\s"!,[|][^\s]*$/.test(value) && !value.includes('->');

const ALIASES: Record<string, string[]> = {
  type: ['error.type', 'type'],
  value: ['error.value', 'value', 'message'],
  module: ['stack.module', 'module'],
  function: ['stack.function', 'function'],
  path: ['stack.abs_path', 'path'],
  level: ['level'],
};
const VARIABLES: Array<[written: string, parsed: string]> = [
  ['default', 'default'],
  ['transaction', 'transaction'],
  ['type', 'error.type'],
  ['error.value', 'error.value'],
  ['message', 'error.value'],
  ['stack.function', 'function'],
  ['module', 'module'],
  ['path', 'path'],
  ['level', 'level'],
  ['status_code', 'status_code'],
  ['tags.server_name', 'tags.server_name'],
];

const printed = fc
  .record({
    fields: fc.subarray(Object.keys(ALIASES)),
    tags: fc.uniqueArray(chars('abcxyz_.-019', 1, 8), { maxLength: 2 }),
  })
  .filter(({ fields, tags }) => fields.length + tags.length > 0)
  .chain(({ fields, tags }) =>
    fc.record({
      matchers: fc.tuple(
        ...[
          ...fields.map((field) => fc.tuple(fc.constantFrom(...ALIASES[field]!), fc.constant(field))),
          ...tags.map((tag) => fc.constant([`tags.${tag}`, `tags.${tag}`] as [string, string])),
        ].map((key) => fc.tuple(key, glob, fc.boolean())),
      ),
      parts: fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...VARIABLES), chars(' ', 0, 2)).map(([[written, parsed], pad]) => ({
            text: `{{${pad}${written}${pad}}}`,
            parsed: `{{ ${parsed} }}`,
          })),
          chars(LITERAL, 1, 12)
            .filter((literal) => {
              const trimmed = literal.trim();
              return (
                trimmed !== '' && !(trimmed.startsWith('{{') && trimmed.indexOf('}}') === trimmed.length - 2)
              );
            })
            .map((literal) => ({ text: quote(literal), parsed: literal })),
          chars('abcXYZ019_-.:/*', 1, 10).map((literal) => ({ text: literal, parsed: literal })),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      separator: fc.constantFrom(', ', ' ', ',', ' , '),
      title: fc.option(chars(LITERAL, 0, 10)),
    }),
  )
  .map(({ matchers, parts, separator, title }) => {
    const match: RuleMatchers & { tags?: Record<string, string> } = {};
    for (const [[, slot], value] of matchers) {
      if (slot.startsWith('tags.')) match.tags = { ...match.tags, [slot.slice(5)]: value };
      else match[slot as 'type'] = value;
    }
    const text = `${matchers
      .map(([[key], value, bare]) => `${key}:${bare && safeUnquoted(value) ? value : quote(value)}`)
      .join(
        ' ',
      )} -> ${parts.map((part) => part.text).join(separator)}${title === null ? '' : ` title=${quote(title)}`}`;
    return { text, rule: { match, fingerprint: parts.map((part) => part.parsed) } };
  });

describe('parseSentryRules: property', () => {
  it('parses printed rules back to what was printed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(printed, fc.boolean()), { minLength: 1, maxLength: 4 }), (entries) => {
        const lines: string[] = [];
        const expected: FingerprintRule[] = [];
        for (const [{ text, rule }, comment] of entries) {
          if (comment) lines.push('# a comment', '');
          lines.push(text);
          expected.push({ name: `line ${lines.length}`, ...rule });
        }
        expect(parseSentryRules(lines.join('\n'))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
