/** Sentry's cache span operations (its Caches insights read spans with these ops). */
export type CacheOperation = 'cache.get' | 'cache.put' | 'cache.remove';

const OPERATIONS: ReadonlyMap<string, CacheOperation> = new Map([
  ['get', 'cache.get'],
  ['mget', 'cache.get'],
  ['getex', 'cache.get'],
  ['set', 'cache.put'],
  ['setnx', 'cache.put'],
  ['setex', 'cache.put'],
  ['psetex', 'cache.put'],
  ['mset', 'cache.put'],
  ['msetnx', 'cache.put'],
  ['del', 'cache.remove'],
  ['unlink', 'cache.remove'],
]);

/** The cache operation of a command on keys with one of `prefixes`, or undefined. */
export function cacheOperation(
  name: string,
  keys: readonly string[],
  prefixes: readonly string[],
): CacheOperation | undefined {
  if (prefixes.length === 0) return undefined;
  const operation = OPERATIONS.get(name.toLowerCase());
  if (operation === undefined) return undefined;
  return keys.some((key) => prefixes.some((prefix) => key.startsWith(prefix))) ? operation : undefined;
}

/** Bytes of a value as Redis stores it: UTF-8 for strings, the buffer's length, the digits of a number. */
export function byteSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (Buffer.isBuffer(value)) return value.length;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + byteSize(item), 0);
  return 0;
}

/** Bytes of the value(s) a SET-like command writes (not the keys, not the options). */
export function writtenSize(name: string, args: readonly unknown[]): number | undefined {
  switch (name.toLowerCase()) {
    case 'set':
    case 'setnx':
      return byteSize(args[1]);
    case 'setex':
    case 'psetex':
      return byteSize(args[2]);
    case 'mset':
    case 'msetnx':
      return args.reduce((sum: number, arg, index) => (index % 2 === 1 ? sum + byteSize(arg) : sum), 0);
    default:
      return undefined;
  }
}

const toNumber = (value: unknown): number | undefined => {
  const number = Number(typeof value === 'object' && value !== null ? String(value) : value);
  return Number.isFinite(number) ? number : undefined;
};

/** Milliseconds as seconds, to the millisecond. */
const toSeconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : Math.round(ms) / 1000;

/** The time to live a command sets, in seconds: `SETEX k 60 v`, `SET k v EX 60`, `PX`, `EXAT`, `PXAT`, `GETEX k EX 60`. */
export function ttlSeconds(name: string, args: readonly unknown[], now = Date.now()): number | undefined {
  const command = name.toLowerCase();
  const at = (index: number) => toNumber(args[index]);
  if (command === 'setex' || command === 'psetex') {
    const value = at(1);
    return value === undefined ? undefined : toSeconds(command === 'setex' ? value * 1000 : value);
  }
  if (command !== 'set' && command !== 'getex') return undefined;
  for (let index = command === 'set' ? 2 : 1; index < args.length - 1; index++) {
    const value = at(index + 1);
    if (value === undefined) continue;
    switch (String(args[index]).toUpperCase()) {
      case 'EX':
        return toSeconds(value * 1000);
      case 'PX':
        return toSeconds(value);
      case 'EXAT':
        return toSeconds(value * 1000 - now);
      case 'PXAT':
        return toSeconds(value - now);
    }
  }
  return undefined;
}

/** What a GET-like reply says: a hit (GET: not null; MGET: at least one value found) and the bytes returned. */
export function readResult(reply: unknown): { hit: boolean; size: number } {
  if (Array.isArray(reply)) {
    const found = reply.filter((item) => item !== null && item !== undefined);
    return { hit: found.length > 0, size: byteSize(found) };
  }
  const hit = reply !== null && reply !== undefined;
  return { hit, size: hit ? byteSize(reply) : 0 };
}
