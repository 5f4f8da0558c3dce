import type { Needle } from './secret-input.js';
import { type Matcher, matcherOf, normalizeKey, TextForms } from './secret-matchers.js';
import type { SecretFinding } from './secret-types.js';
import type { RecordedEnvelope } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const decoder = new TextDecoder();

/** Collects the findings of a set of needles over envelopes or any value, one per needle and path. */
export class SecretSearch {
  readonly findings: SecretFinding[] = [];
  private readonly matchers: Array<{ needle: Needle; match: Matcher }>;
  private readonly seen = new Set<string>();

  constructor(needles: readonly Needle[]) {
    this.matchers = needles.map((needle) => ({ needle, match: matcherOf(needle) }));
  }

  /** Searches an envelope's headers and payloads, then its raw text for what they did not show. */
  searchEnvelope(envelope: RecordedEnvelope, path: string): void {
    const before = this.findings.length;
    this.searchValue(envelope.header, `${path}.header`);
    envelope.items.forEach((item, index) => {
      this.searchValue(item.header, `${path}.items[${index}].header`);
      this.searchValue(item.payload, `${path}.items[${index}](${item.header.type})`);
    });
    const found = new Set(this.findings.slice(before).map((finding) => finding.name));
    const forms = new TextForms(envelope.raw);
    for (const matcher of this.matchers)
      if (!found.has(matcher.needle.name)) this.match(matcher, forms, `${path}.raw`);
  }

  /** Searches every string, number and key of a value, whatever its depth; cycles are walked once. */
  searchValue(value: unknown, path: string, ancestors = new Set<object>()): void {
    if (typeof value === 'string') this.searchText(value, path);
    else if (typeof value === 'number' || typeof value === 'bigint') this.searchText(String(value), path);
    else if (ArrayBuffer.isView(value))
      this.searchText(decoder.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)), path);
    else if (typeof value === 'object' && value !== null && !ancestors.has(value)) {
      ancestors.add(value);
      this.searchChildren(value, path, ancestors);
      ancestors.delete(value);
    }
  }

  private searchChildren(value: object, path: string, ancestors: Set<object>): void {
    if (Array.isArray(value)) {
      for (const [index, element] of value.entries())
        this.searchValue(element, `${path}[${index}]`, ancestors);
      return;
    }
    const entries: Array<[string, unknown]> = Object.entries(value);
    if (value instanceof Error) entries.unshift(['message', value.message], ['stack', value.stack]);
    for (const [key, child] of entries) {
      const childPath = `${path}${this.segment(key)}`;
      this.searchText(key, childPath);
      this.matchUnderKey(key, child, childPath);
      this.searchValue(child, childPath, ancestors);
    }
  }

  private searchText(text: string, path: string): void {
    const forms = new TextForms(text);
    for (const matcher of this.matchers) this.match(matcher, forms, path);
  }

  /** Short keyed secrets: `{ cvv: '737' }` or `{ cvv: 737 }`. */
  private matchUnderKey(key: string, child: unknown, path: string): void {
    if (typeof child !== 'string' && typeof child !== 'number') return;
    for (const { needle } of this.matchers)
      if (
        needle.keyedOnly &&
        String(child) === needle.value &&
        normalizeKey(key) === normalizeKey(needle.keyedOnly)
      )
        this.add(needle, 'keyed', path);
  }

  private match({ needle, match }: { needle: Needle; match: Matcher }, forms: TextForms, path: string): void {
    const variant = match(forms);
    if (variant) this.add(needle, variant, path);
  }

  private add(needle: Needle, variant: SecretFinding['variant'], path: string): void {
    const id = `${needle.name}\u0000${path}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    // a short secret (a CVV, a PIN) would be half shown by its first characters
    const masked = needle.value.length >= 12 ? `${needle.value.slice(0, 2)}…` : '…';
    this.findings.push({ name: needle.name, kind: needle.kind, variant, path, masked });
  }

  /** `.key`, or `["key"]`; a key that holds a secret is shown by that secret's name instead. */
  private segment(key: string): string {
    const forms = new TextForms(key);
    const hidden = this.matchers.find(({ needle, match }) => !needle.keyedOnly && match(forms));
    if (hidden) return `[‹${hidden.needle.name}›]`;
    return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
}
