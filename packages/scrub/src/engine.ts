import { CleanCache } from './clean-cache.js';
import { builtInDetectors, DETECTOR_NAMES, type Detector, Family } from './detectors/index.js';
import { FAMILY_ORDER, hasFamily, TRIGGER } from './families.js';
import { createKeyMatcher, type KeyMatcher } from './keys.js';
import type { ResolvedOptions } from './options.js';
import { matchesPath } from './paths.js';
import { copyRecord, isAttributeWrapper, isPairList, plainCopy, readProperty, UNREADABLE } from './values.js';

const JSON_PARSE_LIMIT = 1_048_576;
/** Shared references are walked again until this many nodes; then results are memoized. */
const MEMO_AFTER_NODES = 20_000;
/** What a reference back to an ancestor becomes (Sentry's own marker), so no cycle can carry raw data. */
const CIRCULAR = '[Circular ~]';
const KEY_SENSITIVE = 1;
const KEY_HAS_SECRET = 2;
/** Numbers under the key are counts (`input_tokens`), not secrets. */
const KEY_KEEPS_NUMBERS = 4;
const KEY_CACHE_LIMIT = 10_000;
/** Strings known clean are remembered up to this length. */
const CACHED_TEXT_MAX = 1024;

/**
 * The scrubbing walk shared by every `Scrubber` method. It never changes what it is given: a
 * changed object or array comes back as a copy (copy-on-write), so application objects that an
 * event merely references (console arguments, scope contexts) stay as they were.
 */
export class Engine {
  readonly replacement: string;
  readonly keySensitivity: KeyMatcher;
  /** Enabled detectors grouped by family, families in run order (see `FAMILY_ORDER`). */
  private readonly families: { family: number; members: Detector[] }[];
  /** Per object key: is it sensitive, and does the key itself hold a secret. Keys repeat across events. */
  private readonly keyInfo = new Map<string, number>();
  /**
   * Strings already scanned and found clean. Frames' source lines, module names and messages repeat
   * from event to event (the SDK reuses the very same line strings), so a repeated error costs a
   * lookup per string. Only clean strings are kept: the cache never holds a secret.
   */
  private readonly cleanTexts: CleanCache;
  private readonly tracksPath: boolean;
  private readonly hasCustomPatterns: boolean;
  private readonly path: string[] = [];
  private readonly ancestors: object[] = [];
  private memo: Map<object, { sensitive: boolean; result: unknown }> | undefined;
  private nodes = 0;
  /** Set while classifying a key, so that a trial scrub is neither counted nor reported. */
  private silent = false;

  constructor(private readonly options: ResolvedOptions) {
    this.replacement = options.replacement;
    this.keySensitivity = createKeyMatcher(options.keys, options.allowKeys);
    const builtIn = builtInDetectors(this.keySensitivity, this.replacement);
    const detectors = [
      ...DETECTOR_NAMES.filter((name) => !options.disabled.has(name)).map((name) => builtIn[name]),
      ...options.patterns.map(
        ({ name, pattern }): Detector => ({
          name,
          description: `custom pattern ${pattern}`,
          family: Family.any,
          gate: () => true,
          scrub: (text, redact) => {
            pattern.lastIndex = 0;
            return text.replace(pattern, () => redact(name));
          },
        }),
      ),
    ];
    this.families = FAMILY_ORDER.map((family) => ({
      family,
      members: detectors.filter((detector) => detector.family === family),
    })).filter(({ members }) => members.length > 0);
    this.tracksPath = options.allowPaths.length > 0 || options.onFinding !== undefined;
    this.hasCustomPatterns = options.patterns.length > 0;
    this.cleanTexts = new CleanCache(options.cacheSize);
  }

  /** Runs `work` with fresh per-call state; the path starts at `root`. */
  run<T>(root: readonly string[], work: () => T): T {
    if (this.path.length > 0) this.path.length = 0; // setting length is slow even when it is 0
    if (this.ancestors.length > 0) this.ancestors.length = 0;
    this.memo = undefined;
    this.nodes = 0;
    if (this.tracksPath) this.path.push(...root);
    try {
      return work();
    } finally {
      this.memo = undefined;
    }
  }

  readonly redact = (rule: string): string => {
    if (this.silent) return this.replacement;
    this.options.onFinding?.({ path: this.path.join('.'), rule });
    return this.replacement;
  };

  /** Reports a value filtered by the caller at `path` (relative to the current path). */
  redactField(path: readonly string[], rule: string): string {
    if (!this.tracksPath) return this.redact(rule);
    const height = this.path.length;
    this.path.push(...path);
    const replacement = this.redact(rule);
    this.path.length = height;
    return replacement;
  }

  /** Scrubs free text. */
  text(text: string): string {
    const length = text.length;
    if (length < 5 && !this.hasCustomPatterns) return text;
    const cacheable = length <= CACHED_TEXT_MAX && this.options.cacheSize > 0;
    if (cacheable && this.cleanTexts.has(text)) return text;
    const result = this.scan(text);
    if (cacheable && result === text) this.cleanTexts.add(text);
    return result;
  }

  /** Runs the detectors over `text`: each family is tested once, and only members of present families run. */
  private scan(text: string): string {
    const triggered = TRIGGER.test(text);
    let result = triggered && looksLikeJson(text) ? this.jsonText(text) : text;
    for (const { family, members } of this.families) {
      if (!hasFamily(family, result, triggered)) continue;
      for (const detector of members) if (detector.gate(result)) result = detector.scrub(result, this.redact);
    }
    return result;
  }

  /** JSON held in a string is parsed, scrubbed as a value, and re-serialized only if something changed. */
  private jsonText(text: string): string {
    if (text.length > JSON_PARSE_LIMIT) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text;
    }
    const scrubbed = this.value(parsed, false, 0);
    return scrubbed === parsed ? text : JSON.stringify(scrubbed);
  }

  /** Scrubs any value; `sensitive` means it sits under a sensitive key and every leaf is filtered. */
  value(value: unknown, sensitive: boolean, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        if (!sensitive) return this.text(value);
        return value === '' || value === this.replacement ? value : this.redact('key');
      case 'number':
        if (sensitive) return Number.isNaN(value) ? value : this.redact('key');
        return Number.isInteger(value) && Math.abs(value) >= 1e11 ? this.numeric(value) : value;
      case 'bigint':
        return sensitive ? this.redact('key') : this.numeric(value);
      case 'symbol': {
        const description = value.description ?? '';
        return sensitive || this.text(description) !== description ? this.redact('key') : value;
      }
      case 'object':
        return value === null ? value : this.object(value, sensitive, depth);
      default:
        return value;
    }
  }

  /** Scrubs the value of a top-level field `key` (with the key's own sensitivity), reported under `key`. */
  field(key: string, value: unknown): unknown {
    if (this.tracksPath) {
      this.path.push(key);
      if (this.isAllowedPath()) {
        this.path.pop();
        return value;
      }
    }
    const sensitivity = this.keySensitivity(key);
    const keepsNumbers = sensitivity === 'text' && (typeof value === 'number' || typeof value === 'bigint');
    const result = this.value(value, sensitivity !== 'none' && !keepsNumbers, 0);
    if (this.tracksPath) this.path.pop();
    return result;
  }

  /** A number is only a secret when its digits are (a card number stored as a number). */
  private numeric(value: number | bigint): number | bigint | string {
    const digits = String(value);
    return this.text(digits) === digits ? value : this.replacement;
  }

  private object(value: object, sensitive: boolean, depth: number): unknown {
    if (this.ancestors.includes(value)) return CIRCULAR;
    const memoized = this.memo?.get(value);
    if (memoized && (memoized.sensitive || !sensitive)) return memoized.result;
    if (depth >= this.options.maxDepth) return this.redact('depth');
    if (++this.nodes > MEMO_AFTER_NODES) this.memo ??= new Map();
    this.ancestors.push(value);
    let result: unknown;
    try {
      result = this.dispatch(value, sensitive, depth);
    } catch {
      result = this.redact('unreadable');
    }
    this.ancestors.pop();
    this.memo?.set(value, { sensitive, result });
    return result;
  }

  private dispatch(value: object, sensitive: boolean, depth: number): unknown {
    if (Array.isArray(value)) return this.array(value, sensitive, depth);
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null)
      return this.record(value as Record<string, unknown>, sensitive, depth);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return this.redact('binary');
    if (value instanceof Date) return value;
    if (value instanceof String) return this.boxedString(value, sensitive);
    if (value instanceof Set) return this.array([...value], sensitive, depth);
    return this.record(plainCopy(value), sensitive, depth);
  }

  /** A `String` object, such as a parameterized log message, is kept (with its template) unless its text changes. */
  private boxedString(value: { toString(): string }, sensitive: boolean): unknown {
    const text = value.toString();
    const scrubbed = this.value(text, sensitive, 0);
    return scrubbed === text ? value : scrubbed;
  }

  private array(items: unknown[], sensitive: boolean, depth: number): unknown[] {
    let copy: unknown[] | undefined;
    const pairs = isPairList(items);
    for (let index = 0; index < items.length; index++) {
      const current = readProperty(items, index);
      if (this.tracksPath) this.path.push(String(index));
      const next =
        current === UNREADABLE
          ? this.redact('unreadable')
          : pairs
            ? this.pair(current as [string, unknown], sensitive, depth + 1)
            : this.value(current, sensitive, depth + 1);
      if (this.tracksPath) this.path.pop();
      if (copy) copy.push(next);
      else if (next !== current) {
        copy = items.slice(0, index);
        copy.push(next);
      }
    }
    return copy ?? items;
  }

  private record(
    object: Record<string, unknown>,
    sensitive: boolean,
    depth: number,
  ): Record<string, unknown> {
    let copy: Record<string, unknown> | undefined;
    for (const key in object) {
      const current = readProperty(object, key);
      const info = this.keyInfo.get(key) ?? this.learnKey(key);
      const inert = current === null || current === undefined || typeof current === 'boolean';
      if (inert && (info & KEY_HAS_SECRET) === 0) continue;
      if (this.tracksPath) {
        this.path.push(key);
        if (this.isAllowedPath()) {
          this.path.pop();
          continue;
        }
      }
      const keySensitive =
        (sensitive || (info & KEY_SENSITIVE) !== 0) &&
        !((info & KEY_KEEPS_NUMBERS) !== 0 && (typeof current === 'number' || typeof current === 'bigint')) &&
        !(key === 'type' && isAttributeWrapper(object));
      const next =
        current === UNREADABLE ? this.redact('unreadable') : this.value(current, keySensitive, depth + 1);
      const scrubbedKey = (info & KEY_HAS_SECRET) === 0 ? key : this.text(key);
      if (this.tracksPath) this.path.pop();
      if (next === current && scrubbedKey === key) continue;
      copy ??= copyRecord(object);
      if (scrubbedKey !== key) delete copy[key];
      copy[scrubbedKey] = next;
      if (key === 'value' && typeof next !== typeof current && isAttributeWrapper(object))
        copy.type = 'string';
    }
    return copy ?? object;
  }

  /**
   * One `[key, value]` of a pair list (Sentry allows `query_string`, `headers` and `cookies` in
   * that shape): the value is judged by its key, as in an object.
   */
  private pair(entry: [string, unknown], sensitive: boolean, depth: number): unknown {
    const [key, value] = entry;
    const scrubbedKey = this.text(key);
    if (this.tracksPath) this.path.push(key);
    const next = this.value(value, sensitive || this.keySensitivity(key) !== 'none', depth + 1);
    if (this.tracksPath) this.path.pop();
    return scrubbedKey === key && next === value ? entry : [scrubbedKey, next];
  }

  /** Classifies a key once: sensitive name, and whether the key itself holds a secret (an email as a key). */
  private learnKey(key: string): number {
    this.silent = true;
    let hasSecret: boolean;
    try {
      hasSecret = this.text(key) !== key;
    } finally {
      this.silent = false;
    }
    const sensitivity = this.keySensitivity(key);
    const info =
      (sensitivity === 'none' ? 0 : KEY_SENSITIVE) |
      (sensitivity === 'text' ? KEY_KEEPS_NUMBERS : 0) |
      (hasSecret ? KEY_HAS_SECRET : 0);
    if (this.keyInfo.size >= KEY_CACHE_LIMIT) this.keyInfo.clear();
    this.keyInfo.set(key, info);
    return info;
  }

  private isAllowedPath(): boolean {
    return this.options.allowPaths.some((pattern) => matchesPath(pattern, this.path));
  }
}

function looksLikeJson(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return (first === 123 && last === 125) || (first === 91 && last === 93); // {…} or […]
}
