/** Reading and writing properties of objects that may throw, be frozen, or not be plain. */

export const UNREADABLE = Symbol('unreadable');
const ATTRIBUTE_TYPES = new Set(['string', 'integer', 'double', 'boolean', 'array']);

export function readProperty(object: object, key: string | number): unknown {
  try {
    return (object as Record<string | number, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** A writable plain copy of a frozen object or one with getter-only properties. */
export function copyRecord(object: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const value = readProperty(object, key);
    copy[key] = value === UNREADABLE ? undefined : value;
  }
  return copy;
}

/** Class instances, Errors and Maps become plain data the walk can scrub and Sentry can serialize. */
export function plainCopy(value: object): Record<string, unknown> {
  if (value instanceof Map) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of value) copy[String(key)] = entry;
    return copy;
  }
  const copy = copyRecord(value);
  if (value instanceof Error) {
    copy.name = value.name;
    copy.message = value.message;
    if (value.stack !== undefined) copy.stack = value.stack;
  }
  return copy;
}

/** Span and log attributes in their serialized form: `{ type, value, unit? }`. */
export function isAttributeWrapper(object: Record<string, unknown>): boolean {
  if (typeof object.type !== 'string' || !('value' in object) || !ATTRIBUTE_TYPES.has(object.type))
    return false;
  for (const key in object) if (key !== 'value' && key !== 'type' && key !== 'unit') return false;
  return true;
}

/** An array of `[string, value]` pairs, the other shape Sentry accepts for headers and query strings. */
export function isPairList(items: unknown[]): boolean {
  if (items.length === 0 || !Array.isArray(items[0])) return false;
  return items.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string');
}
