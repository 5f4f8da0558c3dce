import { MIN_SECRET_LENGTH, type Needle } from './secret-input.js';
import type { SecretVariant } from './secret-types.js';

const SEPARATORS = /[\s-]+/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes each run of `%XX`; a run that is not valid UTF-8 stays as it is. */
function percentDecode(text: string): string {
  return text.replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** A string of the haystack and the forms it is compared in, each computed once, when first needed. */
export class TextForms {
  private forms = new Map<string, string>();

  constructor(readonly text: string) {}

  private form(name: string, make: () => string): string {
    const known = this.forms.get(name);
    if (known !== undefined) return known;
    const form = make();
    this.forms.set(name, form);
    return form;
  }

  get urlDecoded(): string {
    return this.form('url', () => percentDecode(this.text));
  }

  get formDecoded(): string {
    return this.form('form', () => percentDecode(this.text.replaceAll('+', ' ')));
  }

  get lowerCase(): string {
    return this.form('lower', () => this.text.toLowerCase());
  }

  get compact(): string {
    return this.form('compact', () => this.text.replace(SEPARATORS, ''));
  }
}

/**
 * The base64 of `value` at each of the three byte alignments it can have inside a longer encoded
 * text, without the edge characters that depend on the neighbouring bytes; standard and url alphabets.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
    const core = shifted
      .toString('base64')
      .slice(Math.ceil((shift * 8) / 6), Math.floor((shifted.length * 8) / 6));
    if (core.length < MIN_SECRET_LENGTH) continue;
    cores.add(core);
    cores.add(core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...cores];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Keys compared as `@faultline/scrub` compares them: case and separators ignored. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Finds a needle in a string; returns how it was found, or undefined. */
export type Matcher = (forms: TextForms) => SecretVariant | undefined;

/** `cvv=737`, `cvv: 737`, `"cvv":"737"`, `\"cvv\":\"737\"` — the key, then the short value as a whole token. */
function keyedMatcher(key: string, value: string): Matcher {
  const pattern = new RegExp(
    `(?<![A-Za-z0-9])${escapeRegExp(key)}[\\\\"']*\\s*[:=]\\s*[\\\\"']*${escapeRegExp(value)}(?![A-Za-z0-9])`,
    'i',
  );
  return ({ text, urlDecoded }) =>
    pattern.test(text) || (text.includes('%') && pattern.test(urlDecoded)) ? 'keyed' : undefined;
}

/** The matcher of a needle: its variants in order, the first that matches names the finding. */
export function matcherOf(needle: Needle): Matcher {
  const { value, keyedOnly, caseInsensitive } = needle;
  if (keyedOnly) return keyedMatcher(keyedOnly, value);
  const jsonEscaped = JSON.stringify(value).slice(1, -1);
  const lowerCase = value.toLowerCase();
  const compact = value.replace(SEPARATORS, '');
  const cores = base64Cores(value);
  return (forms) => {
    const { text } = forms;
    if (text.includes(value)) return 'as-is';
    if (jsonEscaped !== value && text.includes(jsonEscaped)) return 'json-escaped';
    if (text.includes('%') && forms.urlDecoded.includes(value)) return 'url-encoded';
    if (text.includes('+') && forms.formDecoded.includes(value)) return 'form-encoded';
    if (cores.some((core) => text.includes(core))) return 'base64';
    if (caseInsensitive && forms.lowerCase.includes(lowerCase)) return 'lower-case';
    if (compact.length >= MIN_SECRET_LENGTH && forms.compact.includes(compact)) return 'compact';
    return undefined;
  };
}
