import { DETECTOR_NAMES, type DetectorName } from './detectors/index.js';
import { ScrubOptionsError } from './errors.js';
import type { FailureMode, Finding, ScrubOptions, ValuePattern } from './types.js';

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  keys: ReadonlyArray<string | RegExp>;
  patterns: ValuePattern[];
  allowKeys: readonly string[];
  allowPaths: string[][];
  disabled: ReadonlySet<DetectorName>;
  replacement: string;
  pseudonymize: ((value: string) => string) | undefined;
  onFailure: FailureMode;
  maxDepth: number;
  cacheSize: number;
  onFinding: ((finding: Finding) => void) | undefined;
}

const KNOWN_OPTIONS = new Set([
  'keys',
  'patterns',
  'allowKeys',
  'allowPaths',
  'detectors',
  'replacement',
  'pseudonymize',
  'onFailure',
  'maxDepth',
  'cacheSize',
  'onFinding',
]);

function arrayOption<T>(options: ScrubOptions, name: keyof ScrubOptions): readonly T[] {
  const value = options[name];
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new ScrubOptionsError(name, `expected an array, got ${typeof value}`, 'Pass an array.');
  return value as T[];
}

function resolvePattern(entry: unknown, index: number): ValuePattern {
  const option = `patterns[${index}]`;
  const candidate = entry instanceof RegExp ? { name: `pattern ${index}`, pattern: entry } : entry;
  const { name, pattern } = (candidate ?? {}) as Partial<ValuePattern>;
  if (!(pattern instanceof RegExp))
    throw new ScrubOptionsError(
      option,
      `expected a RegExp or { name, pattern: RegExp }, got ${describe(entry)}`,
      'Write it as a regular expression literal, e.g. /EMP-\\d{6}/.',
    );
  if (typeof name !== 'string' || name === '')
    throw new ScrubOptionsError(
      `${option}.name`,
      'expected a non-empty string',
      'Name the pattern for reports.',
    );
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return { name, pattern: new RegExp(pattern.source, flags) };
}

function resolveDetectors(value: ScrubOptions['detectors']): Set<DetectorName> {
  const disabled = new Set<DetectorName>();
  if (value === undefined) return disabled;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ScrubOptionsError(
      'detectors',
      `expected an object, got ${describe(value)}`,
      'Pass e.g. { ipv4: false }.',
    );
  for (const [name, enabled] of Object.entries(value)) {
    if (!(DETECTOR_NAMES as readonly string[]).includes(name))
      throw new ScrubOptionsError(
        `detectors.${name}`,
        'unknown detector',
        `Known detectors: ${DETECTOR_NAMES.join(', ')}.`,
      );
    if (typeof enabled !== 'boolean')
      throw new ScrubOptionsError(
        `detectors.${name}`,
        `expected true or false, got ${describe(enabled)}`,
        'Use a boolean.',
      );
    if (!enabled) disabled.add(name as DetectorName);
  }
  return disabled;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string "${value.slice(0, 40)}"` : typeof value;
}

/** Validates `options` and fills in defaults; throws `ScrubOptionsError` naming the first bad option. */
export function resolveOptions(options: ScrubOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    throw new ScrubOptionsError(
      'options',
      `expected an object, got ${describe(options)}`,
      'Pass an options object.',
    );
  for (const name of Object.keys(options))
    if (!KNOWN_OPTIONS.has(name))
      throw new ScrubOptionsError(name, 'unknown option', `Known options: ${[...KNOWN_OPTIONS].join(', ')}.`);

  const keys = arrayOption<unknown>(options, 'keys').map((key, index) => {
    if (typeof key === 'string' || key instanceof RegExp) return key;
    throw new ScrubOptionsError(
      `keys[${index}]`,
      `expected a string or RegExp, got ${describe(key)}`,
      'Use a key name.',
    );
  });
  const allowKeys = arrayOption<unknown>(options, 'allowKeys').map((key, index) => {
    if (typeof key === 'string') return key;
    throw new ScrubOptionsError(
      `allowKeys[${index}]`,
      `expected a string, got ${describe(key)}`,
      'Use a key name.',
    );
  });
  const allowPaths = arrayOption<unknown>(options, 'allowPaths').map((path, index) => {
    if (typeof path === 'string' && path !== '') return path.split('.');
    throw new ScrubOptionsError(
      `allowPaths[${index}]`,
      `expected a dotted path, got ${describe(path)}`,
      "Write it like 'request.headers.x-request-id'.",
    );
  });
  const {
    replacement = '[Filtered]',
    pseudonymize,
    onFailure = 'minimal',
    maxDepth = 64,
    cacheSize = 4096,
    onFinding,
  } = options;
  if (typeof replacement !== 'string')
    throw new ScrubOptionsError(
      'replacement',
      `expected a string, got ${describe(replacement)}`,
      "Use e.g. '[Filtered]'.",
    );
  if (pseudonymize !== undefined && typeof pseudonymize !== 'function')
    throw new ScrubOptionsError(
      'pseudonymize',
      `expected a function, got ${describe(pseudonymize)}`,
      'Use createPseudonymizer(key).',
    );
  if (onFailure !== 'drop' && onFailure !== 'minimal')
    throw new ScrubOptionsError(
      'onFailure',
      `expected 'drop' or 'minimal', got ${describe(onFailure)}`,
      "Use 'drop' or 'minimal'.",
    );
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 1000)
    throw new ScrubOptionsError(
      'maxDepth',
      `expected an integer from 1 to 1000, got ${String(maxDepth)}`,
      'Use e.g. 64.',
    );
  if (!Number.isInteger(cacheSize) || cacheSize < 0 || cacheSize > 1_000_000)
    throw new ScrubOptionsError(
      'cacheSize',
      `expected an integer from 0 to 1000000, got ${String(cacheSize)}`,
      'Use 0 to turn the cache off.',
    );
  if (onFinding !== undefined && typeof onFinding !== 'function')
    throw new ScrubOptionsError(
      'onFinding',
      `expected a function, got ${describe(onFinding)}`,
      'Pass a callback.',
    );

  return {
    keys,
    patterns: arrayOption<unknown>(options, 'patterns').map(resolvePattern),
    allowKeys,
    allowPaths,
    disabled: resolveDetectors(options.detectors),
    replacement,
    pseudonymize,
    onFailure,
    maxDepth,
    cacheSize,
    onFinding,
  };
}
