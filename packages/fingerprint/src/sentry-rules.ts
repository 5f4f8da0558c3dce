import type { FingerprintRule, RuleMatchers } from './types.js';

/** A line of Sentry fingerprint rules that does not parse; `line` and `column` are 1-based. */
export class RuleSyntaxError extends Error {
  /** The line of the rules text, from 1. */
  readonly line: number;
  /** The column on that line (UTF-16 code units, a tab counting as one), from 1. */
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'RuleSyntaxError';
    this.line = line;
    this.column = column;
  }
}

type Field = Exclude<keyof RuleMatchers, 'tags' | 'statusCode'>;

/** Each `RuleMatchers` field with the Sentry matchers that set it. */
const FIELDS: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['type', ['error.type', 'type']],
  ['value', ['error.value', 'value', 'message']],
  ['module', ['stack.module', 'module']],
  ['function', ['stack.function', 'function']],
  ['path', ['stack.abs_path', 'path']],
  ['level', ['level']],
];
const MATCHERS = new Map(FIELDS.flatMap(([field, names]) => names.map((name) => [name, field] as const)));
const SUPPORTED = `${[...MATCHERS.keys()].join(', ')}, tags.NAME (and family:javascript)`;
/** Sentry matchers that have no counterpart in `RuleMatchers`. */
const UNSUPPORTED = /^(?:stack\.package|package|logger|app|sdk|release|thread\.\w+)$/;

/** Each variable as written back, with the names Sentry accepts for it. */
const VARIABLE_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default', ['default']],
  ['transaction', ['transaction']],
  ['error.type', ['error.type', 'type']],
  ['error.value', ['error.value', 'value', 'message']],
  ['function', ['function', 'stack.function']],
  ['module', ['module', 'stack.module']],
  ['path', ['path', 'stack.abs_path']],
  ['level', ['level']],
  ['status_code', ['status_code']],
];
const VARIABLES = new Map(
  VARIABLE_NAMES.flatMap(([variable, names]) => names.map((name) => [name, variable])),
);
const VARIABLE_LIST = [...VARIABLE_NAMES.map(([variable]) => `{{ ${variable} }}`), '{{ tags.NAME }}'].join(
  ', ',
);

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t', r: '\r' };

/** A decoded quoted or unquoted value, with the index in the line of each of its characters. */
interface Decoded {
  value: string;
  at: number[];
}

class LineParser {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly line: number,
  ) {}

  /** Throws a `RuleSyntaxError` at `at` unless `ok`. */
  check(ok: unknown, message: string, at = this.pos): asserts ok {
    if (!ok) throw new RuleSyntaxError(message, this.line, at + 1);
  }

  atEnd(): boolean {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    return this.pos >= this.text.length;
  }

  /** A run of characters up to whitespace or one of `stop`. */
  run(stop: string): Decoded {
    const at: number[] = [];
    for (; this.pos < this.text.length && !/\s/.test(this.text[this.pos]!); this.pos++) {
      if (stop.includes(this.text[this.pos]!)) break;
      at.push(this.pos);
    }
    return { value: at.map((i) => this.text[i]).join(''), at };
  }

  /** `"…"` with `\"`, `\\`, `\n`, `\t`, `\r`, `\xHH`, `\uHHHH`; other escapes stay as written (`\*`). */
  quoted(): Decoded {
    const open = this.pos;
    let value = '';
    const at: number[] = [];
    let i = open + 1;
    for (; i < this.text.length && this.text[i] !== '"'; i++) {
      const c = this.text[i]!;
      const next = this.text[i + 1] ?? '';
      const hex = this.text.slice(i + 2, i + (next === 'u' ? 6 : next === 'x' ? 4 : 2));
      at.push(i);
      if (c !== '\\' || next === '') value += c;
      else if (hex.length > 0 && /^[0-9A-Fa-f]+$/.test(hex) && hex.length === (next === 'u' ? 4 : 2)) {
        value += String.fromCharCode(Number.parseInt(hex, 16));
        i += 1 + hex.length;
      } else if (Object.hasOwn(ESCAPES, next)) {
        value += ESCAPES[next];
        i++;
      } else value += c;
    }
    this.check(
      i < this.text.length,
      'unterminated quoted value: add the closing " (write \\" for a quote inside)',
      open,
    );
    this.pos = i + 1;
    return { value, at };
  }

  rule(): FingerprintRule {
    const match: RuleMatchers = {};
    const tags = new Map<string, string>();
    const start = this.pos;
    while (!this.atEnd() && !this.text.startsWith('->', this.pos)) this.matcher(match, tags);
    this.check(
      !this.atEnd(),
      'missing "->": end the matchers with "-> " and the fingerprint, e.g. "type:A -> a"',
    );
    this.check(
      this.pos > start,
      'no matcher before "->": start the rule with one, e.g. "type:MyError -> my-group"',
    );
    this.pos += 2;
    const after = this.pos;
    const fingerprint = this.parts();
    this.check(
      fingerprint.length > 0,
      'empty fingerprint after "->": give at least one part, e.g. "-> my-group"',
      after,
    );
    if (tags.size > 0) match.tags = Object.fromEntries(tags);
    return { name: `line ${this.line}`, match, fingerprint };
  }

  matcher(match: RuleMatchers, tags: Map<string, string>): void {
    const start = this.pos;
    const first = this.text[start]!;
    this.check(
      first !== '!',
      'negation ("!matcher:value") is not supported: drop the "!", or put a rule for the excluded case first',
    );
    this.check(
      first !== '[' && first !== '|',
      'caller/callee matchers ("[ … ] |") are not supported: remove them',
    );
    const key = first === '"' ? this.quoted().value : (/^[\w.-]*/.exec(this.text.slice(start))?.[0] ?? '');
    if (first !== '"') this.pos += key.length;
    this.check(key !== '', `expected a matcher such as type:MyError, found "${first}"`);
    this.check(
      this.text[this.pos] === ':',
      `expected ":" after "${key}": write ${key}:value, without spaces`,
    );
    const valueStart = ++this.pos;
    const { value, at } = this.text[valueStart] === '"' ? this.quoted() : this.run('');
    this.check(
      this.pos > valueStart,
      `missing value after "${key}:": write ${key}:value, with no space after the ":"`,
    );
    const arrow = this.text.indexOf('->', valueStart);
    const glued = this.text[valueStart] !== '"' && arrow !== -1 && arrow < this.pos;
    this.check(!glued, '"->" needs a space before it, e.g. "type:MyError -> my-group"', arrow);
    if (key === 'family') {
      const node = value.split(',').some((family) => family === 'javascript' || family === 'all');
      this.check(
        node,
        `family:${value} never matches events from Node (family javascript): remove the rule`,
        start,
      );
      return;
    }
    const tag = key.startsWith('tags.') ? key.slice(5) : undefined;
    const field = MATCHERS.get(key);
    this.check(tag !== '', 'missing tag name: write tags.NAME:value', start);
    const lower = MATCHERS.has(key.toLowerCase()) ? ` (matchers are lowercase: ${key.toLowerCase()})` : '';
    const what = UNSUPPORTED.test(key) ? 'is not supported here' : 'is not a known matcher';
    this.check(tag !== undefined || field, `"${key}" ${what}${lower}: use one of ${SUPPORTED}`, start);
    const repeated = tag === undefined ? match[field!] !== undefined : tags.has(tag);
    this.check(
      !repeated,
      `"${key}" sets what an earlier matcher of this rule sets: keep one pattern per field`,
      start,
    );
    this.check(value !== '', `empty pattern for ${key}: rules need one, e.g. ${key}:"*"`, valueStart);
    this.checkGlob(key, value, at);
    if (tag === undefined) match[field!] = value;
    else tags.set(tag, value);
  }

  /**
   * The glob grammar of `RuleMatchers` (as `glob.ts` compiles it): `\` escapes the next character and
   * must not end the pattern; `[` opens a class (`[abc]`, `[!abc]`) that the first `]` after at least
   * one character closes, so `[]]` is the class of `]`; no escapes or ranges inside a class.
   */
  checkGlob(key: string, value: string, at: number[]): void {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === '\\') {
        this.check(i + 1 < value.length, `${key} ends in a lone "\\": double it to match a backslash`, at[i]);
        i++;
      } else if (value[i] === '[') {
        const close = value.indexOf(']', i + 2);
        this.check(
          close !== -1,
          `unclosed "[" in ${key}: close the class with "]", or write "\\[" for a "["`,
          at[i],
        );
        i = close;
      }
    }
  }

  /** Fingerprint parts, separated by spaces or commas, and `title="…"`, which is skipped. */
  parts(): string[] {
    const parts: string[] = [];
    while (!this.atEnd()) {
      const start = this.pos;
      const attribute = /^([\w.-]+)="/.exec(this.text.slice(start))?.[1];
      this.check(this.text[start] !== ',', 'expected a fingerprint part before ",": remove the extra comma');
      if (this.text[start] === '"') parts.push(this.part(this.quoted().value, start));
      else if (this.text.startsWith('{{', start)) {
        const end = this.text.indexOf('}}', start + 2);
        this.check(end !== -1, 'unclosed variable: end it with "}}", e.g. {{ default }}');
        this.pos = end + 2;
        parts.push(this.variable(this.text.slice(start + 2, end), start));
      } else if (attribute !== undefined) {
        this.check(attribute === 'title', `unknown attribute "${attribute}": only title="…" is accepted`);
        this.pos += attribute.length + 1;
        this.quoted();
      } else {
        const { value } = this.run(',{');
        this.check(
          value !== '',
          'unexpected "{": write variables as {{ name }}, or quote a part holding "{"',
        );
        this.check(value[0] !== '#', 'a comment must be on a line of its own: move it, or quote the part');
        parts.push(value);
      }
      if (!this.atEnd() && this.text[this.pos] === ',') this.pos++;
    }
    return parts;
  }

  /** A quoted part: a variable when it is all `{{ … }}` (spaces around allowed), else literal text. */
  part(value: string, at: number): string {
    const trimmed = value.trim();
    this.check(trimmed !== '', 'empty fingerprint part: give it some text, or remove it', at);
    const whole = trimmed.startsWith('{{') && trimmed.indexOf('}}') === trimmed.length - 2;
    return whole ? this.variable(trimmed.slice(2, -2), at) : value;
  }

  variable(inner: string, at: number): string {
    const name = inner.trim();
    const canonical = /^tags\.[\w.-]{1,95}$/.test(name) ? name : VARIABLES.get(name);
    this.check(canonical !== undefined, `unknown variable "{{ ${name} }}": use one of ${VARIABLE_LIST}`, at);
    return `{{ ${canonical} }}`;
  }
}

/**
 * Parses Sentry's fingerprint rules (Project Settings › Issue Grouping › Fingerprint Rules) into
 * `FingerprintRule`s named `line N`. One rule a line, `matcher:value … -> part, part`; blank lines
 * and lines starting with `#` are skipped. Values are globs, unquoted or `"quoted"` with
 * backslash escapes. Matchers: `error.type`/`type`, `error.value`/`value`/`message` (all `value`),
 * `stack.module`/`module`, `stack.function`/`function`, `stack.abs_path`/`path`, `level`,
 * `tags.NAME`; `family:javascript` (or a list holding `javascript` or `all`) is always true for
 * Node events and is dropped. Parts are literal (unquoted or quoted) or variables, written back
 * as `{{ name }}` with Sentry's aliases mapped (`{{ type }}` → `{{ error.type }}`, `{{ message }}` →
 * `{{ error.value }}`, `{{ stack.function }}` → `{{ function }}` …). A `title="…"` attribute is
 * accepted and ignored.
 *
 * @throws {RuleSyntaxError} for the first line that does not parse: an unknown or unsupported
 * matcher (negation `!`, caller/callee `[ … ] |`, `logger`, `package` …), a missing `->`, an empty
 * fingerprint, an unclosed quote, `[` or `{{`, an unknown variable or a repeated matcher.
 */
export function parseSentryRules(text: string): FingerprintRule[] {
  if (typeof text !== 'string') throw new TypeError('parseSentryRules expects the rules text as a string');
  const rules: FingerprintRule[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      const parser = new LineParser(line, index + 1);
      if (!parser.atEnd() && line[parser.pos] !== '#') rules.push(parser.rule());
    });
  return rules;
}
