import { builtInDetectors, type Detector, DETECTOR_NAMES } from './detectors/index.js';
import { scanFeatures } from './features.js';
import { createKeyMatcher, type KeyMatcher } from './keys.js';
import type { ResolvedOptions } from './options.js';
import { matchesPath } from './paths.js';
import { copyRecord, isAttributeWrapper, plainCopy, readProperty, UNREADABLE, writeProperty } from './values.js';

const JSON_PARSE_LIMIT = 1_048_576;
/** Shared references are walked again (scrubbing is idempotent) until this many nodes; then they are memoized. */
const MEMO_AFTER_NODES = 20_000;

/**
 * The scrubbing walk shared by every `Scrubber` method. One engine per scrubber; `run` resets the
 * per-call state so an engine is reused without allocation.
 */
export class Engine {
  readonly replacement: string;
  readonly isSensitiveKey: KeyMatcher;
  private readonly detectors: Detector[];
  /** Detectors whose feature bits a string has, memoized by its feature bits. */
  private readonly plans = new Map<number, Detector[]>();
  private readonly tracksPath: boolean;
  private readonly path: string[] = [];
  private readonly ancestors: object[] = [];
  private readonly ancestorResults: unknown[] = [];
  private memo: Map<object, { sensitive: boolean; result: unknown }> | undefined;
  private nodes = 0;
  /** How many values were filtered since the engine was created; callers compare before and after. */
  filtered = 0;

  constructor(private readonly options: ResolvedOptions) {
    this.replacement = options.replacement;
    this.isSensitiveKey = createKeyMatcher(options.keys, options.allowKeys);
    const builtIn = builtInDetectors(this.isSensitiveKey, this.replacement);
    this.detectors = [
      ...DETECTOR_NAMES.filter((name) => !options.disabled.has(name)).map((name) => builtIn[name]),
      ...options.patterns.map(
        ({ name, pattern }): Detector => ({
          name,
          description: `custom pattern ${pattern}`,
          allOf: 0,
          scrub: (text, redact) => {
            pattern.lastIndex = 0;
            return text.replace(pattern, () => redact(name));
          },
        }),
      ),
    ];
    this.tracksPath = options.allowPaths.length > 0 || options.onFinding !== undefined;
  }

  /** Runs `work` with fresh per-call state; the path starts at `root`. */
  run<T>(root: readonly string[], work: () => T): T {
    this.path.length = 0;
    this.ancestors.length = 0;
    this.ancestorResults.length = 0;
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
    this.filtered++;
    this.options.onFinding?.({ path: this.path.join('.'), rule });
    return this.replacement;
  };

  /** Scrubs free text with every enabled detector whose features the text has. */
  text(text: string): string {
    if (text.length < 5) return text;
    const features = scanFeatures(text);
    const plan = this.plans.get(features) ?? this.planFor(features);
    let result = looksLikeJson(text) ? this.jsonText(text) : text;
    for (const detector of plan)
      if (!detector.confirm || detector.confirm(result)) result = detector.scrub(result, this.redact);
    return result;
  }

  private planFor(features: number): Detector[] {
    const plan = this.detectors.filter(
      ({ allOf, anyOf }) => (features & allOf) === allOf && (anyOf === undefined || (features & anyOf) !== 0),
    );
    this.plans.set(features, plan);
    return plan;
  }

  /** JSON held in a string is parsed, scrubbed as a value, and re-serialized only if something was filtered. */
  private jsonText(text: string): string {
    if (text.length > JSON_PARSE_LIMIT) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text;
    }
    const before = this.filtered;
    const scrubbed = this.value(parsed, false, 0);
    return this.filtered === before ? text : JSON.stringify(scrubbed);
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

  /** A number is only a secret when its digits are (a card number stored as a number). */
  private numeric(value: number | bigint): number | bigint | string {
    const digits = String(value);
    return this.text(digits) === digits ? value : this.replacement;
  }

  private object(value: object, sensitive: boolean, depth: number): unknown {
    const cycle = this.ancestors.lastIndexOf(value);
    if (cycle !== -1) return this.ancestorResults[cycle];
    const memoized = this.memo?.get(value);
    if (memoized && (memoized.sensitive || !sensitive)) return memoized.result;
    if (depth >= this.options.maxDepth) return this.redact('depth');
    if (++this.nodes > MEMO_AFTER_NODES) this.memo ??= new Map();
    try {
      const result = this.dispatch(value, sensitive, depth);
      this.memo?.set(value, { sensitive, result });
      return result;
    } catch {
      return this.redact('unreadable');
    }
  }

  private dispatch(value: object, sensitive: boolean, depth: number): unknown {
    if (Array.isArray(value)) return this.within(value, value, () => this.array(value, sensitive, depth));
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null)
      return this.within(value, value, () => this.record(value as Record<string, unknown>, sensitive, depth));
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return this.redact('binary');
    if (value instanceof Date) return value;
    if (value instanceof String) return this.boxedString(value, sensitive);
    if (value instanceof Set) return this.array([...value], sensitive, depth);
    const copy = plainCopy(value);
    return this.within(value, copy, () => this.record(copy, sensitive, depth));
  }

  /** Walks `value`'s children with `value` on the ancestor stack, so a cycle back to it returns `result`. */
  private within<T>(value: object, result: unknown, walk: () => T): T {
    this.ancestors.push(value);
    this.ancestorResults.push(result);
    try {
      return walk();
    } finally {
      this.ancestors.pop();
      this.ancestorResults.pop();
    }
  }

  /** A `String` object, such as a parameterized log message, is kept (with its template) unless its text changes. */
  private boxedString(value: string | String, sensitive: boolean): unknown {
    const text = value.toString();
    const scrubbed = this.value(text, sensitive, 0);
    return scrubbed === text ? value : scrubbed;
  }

  private array(items: unknown[], sensitive: boolean, depth: number): unknown[] {
    let target = items;
    for (let index = 0; index < items.length; index++) {
      const current = readProperty(items, index);
      if (this.tracksPath) this.path.push(String(index));
      const next = current === UNREADABLE ? this.redact('unreadable') : this.value(current, sensitive, depth + 1);
      if (this.tracksPath) this.path.pop();
      if (next === current) continue;
      if (target === items && !writeProperty(items, index, next)) target = Array.from(items, (_, at) => readProperty(items, at));
      if (target !== items) target[index] = next;
    }
    return target;
  }

  private record(object: Record<string, unknown>, sensitive: boolean, depth: number): Record<string, unknown> {
    let target = object;
    const attribute = isAttributeWrapper(object);
    for (const key in object) {
      if (this.tracksPath) {
        this.path.push(key);
        if (this.isAllowedPath()) {
          this.path.pop();
          continue;
        }
      }
      const current = readProperty(object, key);
      const keySensitive = attribute ? sensitive && key === 'value' : sensitive || this.isSensitiveKey(key);
      const next = current === UNREADABLE ? this.redact('unreadable') : this.value(current, keySensitive, depth + 1);
      const scrubbedKey = key.length < 5 ? key : this.text(key);
      if (this.tracksPath) this.path.pop();
      if (next === current && scrubbedKey === key) continue;
      const writtenInPlace = target === object && scrubbedKey === key && writeProperty(object, key, next);
      if (!writtenInPlace) {
        if (target === object) target = copyRecord(object);
        if (scrubbedKey !== key) delete target[key];
        target[scrubbedKey] = next;
      }
      if (attribute && key === 'value' && typeof next !== typeof current) target.type = 'string';
    }
    return target;
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
