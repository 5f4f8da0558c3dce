/**
 * The allowlist: for each Redis command, which arguments are keys (shown) and how many leading
 * arguments are subcommand words (shown when they look like one). Every other argument is a value
 * and is replaced by `?`. Commands not listed here, and the hidden ones, show no argument at all.
 */

/** Returns the positions of the keys among a command's arguments. */
export type KeyPositions = (args: readonly unknown[]) => readonly number[];

/** How one command's arguments are shown. */
export interface CommandRule {
  /** The family the command belongs to (for documentation and tests). */
  readonly family: string;
  /** Positions of the keys, shown as they are. */
  readonly keys: KeyPositions;
  /** Leading arguments shown when they look like a word or a small number: `CLIENT SETNAME`, `SELECT 2`. */
  readonly words?: number;
  /** No argument is shown, not even a key: credentials, scripts, configuration. */
  readonly hidden?: true;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);

const toCount = (value: unknown): number => {
  const count = Number(typeof value === 'object' && value !== null ? String(value) : value);
  return Number.isInteger(count) && count > 0 ? count : 0;
};

const none: KeyPositions = () => [];
const first: KeyPositions = (args) => (args.length > 0 ? [0] : []);
const second: KeyPositions = (args) => (args.length > 1 ? [1] : []);
const firstTwo: KeyPositions = (args) => range(0, Math.min(2, args.length));
const all: KeyPositions = (args) => range(0, args.length);
const allButLast: KeyPositions = (args) => range(0, args.length - 1);
const pairs: KeyPositions = (args) => range(0, args.length).filter((index) => index % 2 === 0);

/** `numkeys` at `at`, then that many keys; `destination` adds the first argument (ZUNIONSTORE dest 2 a b). */
const numkeys =
  (at: number, destination = false): KeyPositions =>
  (args) => [
    ...(destination && args.length > 0 ? [0] : []),
    ...range(at + 1, Math.min(args.length, at + 1 + toCount(args[at]))),
  ];

/** XREAD / XREADGROUP: after the `STREAMS` word, the first half are keys and the second half ids. */
const streams: KeyPositions = (args) => {
  const at = args.findIndex((arg) => String(arg).toUpperCase() === 'STREAMS');
  if (at === -1) return [];
  const rest = args.length - at - 1;
  return range(at + 1, at + 1 + Math.floor(rest / 2));
};

const FAMILIES: ReadonlyArray<readonly [family: string, rule: Omit<CommandRule, 'family'>, names: string]> = [
  [
    'string',
    { keys: first },
    'get set setnx setex psetex getset getdel getex append strlen incr incrby incrbyfloat decr decrby getrange setrange substr',
  ],
  ['bitmap', { keys: first }, 'getbit setbit bitcount bitpos bitfield bitfield_ro'],
  [
    'keyspace',
    { keys: first },
    'expire pexpire expireat pexpireat expiretime pexpiretime ttl pttl persist type dump restore move keys',
  ],
  [
    'hash',
    { keys: first },
    'hset hsetnx hget hmget hmset hdel hgetall hkeys hvals hlen hexists hincrby hincrbyfloat hstrlen hscan hrandfield hgetdel hgetex hsetex hexpire hpexpire hexpireat hpexpireat httl hpttl hexpiretime hpexpiretime hpersist',
  ],
  [
    'list',
    { keys: first },
    'lpush rpush lpushx rpushx lpop rpop llen lrange lindex lset linsert lrem ltrim lpos',
  ],
  ['set', { keys: first }, 'sadd srem smembers sismember smismember scard spop srandmember sscan'],
  [
    'sorted set',
    { keys: first },
    'zadd zrem zrange zrangebyscore zrevrange zrevrangebyscore zrangebylex zrevrangebylex zscore zmscore zincrby zcard zcount zrank zrevrank zscan zpopmin zpopmax zremrangebyscore zremrangebyrank zremrangebylex zlexcount zrandmember',
  ],
  ['stream', { keys: first }, 'xadd xrange xrevrange xlen xdel xtrim xack xclaim xautoclaim xpending xsetid'],
  ['hyperloglog', { keys: first }, 'pfadd'],
  [
    'geo',
    { keys: first },
    'geoadd geodist geohash geopos geosearch georadius georadius_ro georadiusbymember georadiusbymember_ro',
  ],
  ['sort', { keys: first }, 'sort sort_ro'],
  ['pub/sub publish', { keys: first }, 'publish spublish'],
  [
    'multi-key',
    { keys: all },
    'del unlink exists touch mget watch sinter sunion sdiff sinterstore sunionstore sdiffstore pfcount pfmerge',
  ],
  [
    'two keys',
    { keys: firstTwo },
    'rename renamenx copy rpoplpush brpoplpush lmove blmove smove lcs zrangestore geosearchstore',
  ],
  ['key-value pairs', { keys: pairs }, 'mset msetnx'],
  ['blocking pop', { keys: allButLast }, 'blpop brpop bzpopmin bzpopmax'],
  ['numkeys', { keys: numkeys(0) }, 'zunion zinter zdiff zintercard sintercard lmpop zmpop'],
  ['blocking numkeys', { keys: numkeys(1) }, 'blmpop bzmpop'],
  ['numkeys with destination', { keys: numkeys(1, true) }, 'zunionstore zinterstore zdiffstore'],
  ['stream read', { keys: streams }, 'xread xreadgroup'],
  ['subcommand and key', { keys: second, words: 1 }, 'object memory xinfo xgroup'],
  [
    'pub/sub channels',
    { keys: all },
    'subscribe psubscribe ssubscribe unsubscribe punsubscribe sunsubscribe',
  ],
  [
    'server',
    { keys: none, words: 1 },
    'select info flushdb flushall client cluster command slowlog latency pubsub debug shutdown script function module',
  ],
  [
    'no keys',
    { keys: none },
    'ping echo quit reset dbsize time multi exec discard unwatch randomkey readonly readwrite role lastsave save bgsave bgrewriteaof wait waitaof scan swapdb monitor',
  ],
  [
    'hidden',
    { keys: none, hidden: true },
    'auth hello config acl eval evalsha eval_ro evalsha_ro fcall fcall_ro migrate',
  ],
];

/** Every allowlisted command (lower case) and its rule. */
export const COMMAND_RULES: ReadonlyMap<string, CommandRule> = new Map(
  FAMILIES.flatMap(([family, rule, names]) =>
    names.split(' ').map((name) => [name, { family, ...rule }] as const),
  ),
);

/** The rule for a command not in the list: its name only, every argument hidden. */
export const UNKNOWN_COMMAND: CommandRule = { family: 'unknown', keys: none, hidden: true };

/** The rule for `name` (any case). */
export function ruleFor(name: string): CommandRule {
  return COMMAND_RULES.get(name.toLowerCase()) ?? UNKNOWN_COMMAND;
}
