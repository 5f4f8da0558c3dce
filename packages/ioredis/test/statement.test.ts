import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_RULES } from '../src/commands.js';
import { sanitizeRedisCommand } from '../src/index.js';

const S = 'SECRET-VALUE';

/** [family, command, args, statement, keys] */
const CASES: ReadonlyArray<readonly [string, string, unknown[], string, string[]]> = [
  ['string', 'set', ['session:1', S], 'SET session:1 ?', ['session:1']],
  ['string', 'set', ['session:1', S, 'EX', 60, 'NX'], 'SET session:1 ? ? ? ?', ['session:1']],
  ['string', 'get', ['session:1'], 'GET session:1', ['session:1']],
  ['string', 'setex', ['k', 60, S], 'SETEX k ? ?', ['k']],
  ['string', 'getset', ['k', S], 'GETSET k ?', ['k']],
  ['string', 'incrby', ['counter', 5], 'INCRBY counter ?', ['counter']],
  ['bitmap', 'setbit', ['bits', 7, 1], 'SETBIT bits ? ?', ['bits']],
  ['keyspace', 'expire', ['k', 60], 'EXPIRE k ?', ['k']],
  ['keyspace', 'keys', ['session:*'], 'KEYS session:*', ['session:*']],
  ['hash', 'hset', ['user:1', 'email', S, 'name', S], 'HSET user:1 ? ? ? ?', ['user:1']],
  ['hash', 'hget', ['user:1', 'email'], 'HGET user:1 ?', ['user:1']],
  ['list', 'lpush', ['queue', S, S], 'LPUSH queue ? ?', ['queue']],
  ['list', 'lrange', ['queue', 0, -1], 'LRANGE queue ? ?', ['queue']],
  ['set', 'sadd', ['tags', S], 'SADD tags ?', ['tags']],
  ['sorted set', 'zadd', ['board', 10, S], 'ZADD board ? ?', ['board']],
  ['stream', 'xadd', ['events', '*', 'field', S], 'XADD events ? ? ?', ['events']],
  ['hyperloglog', 'pfadd', ['visitors', S], 'PFADD visitors ?', ['visitors']],
  ['geo', 'geoadd', ['places', 13.4, 52.5, S], 'GEOADD places ? ? ?', ['places']],
  ['sort', 'sort', ['list', 'BY', 'weight_*'], 'SORT list ? ?', ['list']],
  ['pub/sub publish', 'publish', ['orders', S], 'PUBLISH orders ?', ['orders']],
  ['multi-key', 'del', ['a', 'b', 'c'], 'DEL a b c', ['a', 'b', 'c']],
  ['multi-key', 'mget', ['a', 'b'], 'MGET a b', ['a', 'b']],
  ['two keys', 'rename', ['old', 'new'], 'RENAME old new', ['old', 'new']],
  ['two keys', 'smove', ['from', 'to', S], 'SMOVE from to ?', ['from', 'to']],
  ['two keys', 'brpoplpush', ['from', 'to', 5], 'BRPOPLPUSH from to ?', ['from', 'to']],
  ['key-value pairs', 'mset', ['a', S, 'b', S], 'MSET a ? b ?', ['a', 'b']],
  ['blocking pop', 'blpop', ['q1', 'q2', 5], 'BLPOP q1 q2 ?', ['q1', 'q2']],
  ['numkeys', 'zunion', [2, 'z1', 'z2', 'WEIGHTS', 1, 2], 'ZUNION ? z1 z2 ? ? ?', ['z1', 'z2']],
  ['numkeys', 'lmpop', [1, 'q', 'LEFT'], 'LMPOP ? q ?', ['q']],
  ['blocking numkeys', 'blmpop', [5, 2, 'q1', 'q2', 'LEFT'], 'BLMPOP ? ? q1 q2 ?', ['q1', 'q2']],
  [
    'numkeys with destination',
    'zunionstore',
    ['dest', 2, 'z1', 'z2'],
    'ZUNIONSTORE dest ? z1 z2',
    ['dest', 'z1', 'z2'],
  ],
  [
    'stream read',
    'xread',
    ['COUNT', 10, 'STREAMS', 's1', 's2', '0', '0'],
    'XREAD ? ? ? s1 s2 ? ?',
    ['s1', 's2'],
  ],
  ['stream read', 'xreadgroup', ['GROUP', 'g', 'c', 'STREAMS', 's1', '>'], 'XREADGROUP ? ? ? ? s1 ?', ['s1']],
  ['subcommand and key', 'object', ['encoding', 'k'], 'OBJECT ENCODING k', ['k']],
  [
    'subcommand and key',
    'xgroup',
    ['CREATE', 'stream', 'group', '$'],
    'XGROUP CREATE stream ? ?',
    ['stream'],
  ],
  ['pub/sub channels', 'subscribe', ['news', 'alerts'], 'SUBSCRIBE news alerts', ['news', 'alerts']],
  ['server', 'select', [2], 'SELECT 2', []],
  ['server', 'client', ['setname', S], 'CLIENT SETNAME ?', []],
  ['server', 'script', ['load', "return redis.call('get', 'x')"], 'SCRIPT LOAD ?', []],
  ['server', 'function', ['load', '#!lua name=lib\n...'], 'FUNCTION LOAD ?', []],
  ['no keys', 'ping', [], 'PING', []],
  ['no keys', 'echo', [S], 'ECHO ?', []],
  ['no keys', 'scan', [0, 'MATCH', 'session:*', 'COUNT', 100], 'SCAN ? ? ? ? ?', []],
  ['hidden', 'auth', [S], 'AUTH ?', []],
  ['hidden', 'auth', ['admin', S], 'AUTH ? ?', []],
  ['hidden', 'hello', [3, 'AUTH', 'admin', S], 'HELLO ? ? ? ?', []],
  ['hidden', 'config', ['set', 'requirepass', S], 'CONFIG ? ? ?', []],
  ['hidden', 'acl', ['setuser', 'bob', `>${S}`], 'ACL ? ? ?', []],
  ['hidden', 'eval', [`return '${S}'`, 1, 'k', S], 'EVAL ? ? ? ?', []],
  ['hidden', 'evalsha', ['a'.repeat(40), 1, 'k', S], 'EVALSHA ? ? ? ?', []],
  ['hidden', 'fcall', ['myfunc', 1, 'k', S], 'FCALL ? ? ? ?', []],
  ['hidden', 'migrate', ['host', 6379, 'k', 0, 5000, 'AUTH', S], 'MIGRATE ? ? ? ? ? ? ?', []],
  ['unknown', 'json.set', ['doc', '$', `{"password":"${S}"}`], 'JSON.SET ? ? ?', []],
];

describe('sanitizeRedisCommand', () => {
  it.each(CASES)('%s: %s', (family, name, args, statement, keys) => {
    const sanitized = sanitizeRedisCommand(name, args);
    expect(sanitized).toMatchObject({ statement, keys, operation: name.toUpperCase() });
    expect(sanitized.hidden).toBe(family === 'hidden' || family === 'unknown');
    expect(sanitized.statement).not.toContain(S);
    expect(sanitized.statement).not.toContain(S.toUpperCase());
  });

  it('covers every family of the allowlist', () => {
    const families = new Set([...COMMAND_RULES.values()].map((rule) => rule.family));
    expect(new Set(CASES.map(([family]) => family).filter((family) => family !== 'unknown'))).toEqual(
      families,
    );
  });

  it('is case-insensitive on the command name', () => {
    expect(sanitizeRedisCommand('EvalSha', ['x', 0]).statement).toBe('EVALSHA ? ?');
    expect(sanitizeRedisCommand('GET', ['k']).statement).toBe('GET k');
  });

  it('shows at most maxArgs arguments, and counts the rest', () => {
    const keys = Array.from({ length: 25 }, (_, index) => `k${index}`);
    expect(sanitizeRedisCommand('mget', keys).statement).toBe(
      `MGET ${keys.slice(0, 10).join(' ')} [15 more]`,
    );
    expect(sanitizeRedisCommand('mget', keys, { maxArgs: 0 }).statement).toBe('MGET [25 more]');
    expect(sanitizeRedisCommand('mget', keys).keys).toEqual(keys);
  });

  it('shows Buffer keys as text, binary ones by size, and cuts long keys', () => {
    expect(sanitizeRedisCommand('get', [Buffer.from('session:9')]).statement).toBe('GET session:9');
    expect(sanitizeRedisCommand('get', [Buffer.from([0xff, 0x00, 0x10])]).statement).toBe('GET <3 bytes>');
    expect(sanitizeRedisCommand('get', ['line\nbreak']).statement).toBe('GET line?break');
    const long = sanitizeRedisCommand('get', ['x'.repeat(500)]).statement;
    expect(long).toBe(`GET ${'x'.repeat(200)}…`);
  });

  it('shows a subcommand only when it looks like one', () => {
    expect(sanitizeRedisCommand('client', [S.toLowerCase()]).statement).toBe(`CLIENT ${S.toUpperCase()}`);
    expect(sanitizeRedisCommand('client', ['not a word', 'x']).statement).toBe('CLIENT ? ?');
    expect(sanitizeRedisCommand('select', ['123456789']).statement).toBe('SELECT ?');
  });

  it('never shows an argument outside a key or subcommand position', () => {
    const commands = [...COMMAND_RULES.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.array(fc.oneof(fc.string(), fc.integer().map(String)), { maxLength: 8 }),
        (name, raw) => {
          const args = raw.map((arg, index) => `v${index}:${arg.replace(/\s/g, '')}`);
          const rule = COMMAND_RULES.get(name)!;
          const shown = new Set(rule.hidden ? [] : rule.keys(args));
          const tokens = sanitizeRedisCommand(name, args, { maxArgs: 20 }).statement.split(' ').slice(1);
          tokens.forEach((token, index) => {
            if (!shown.has(index)) expect(token).toBe('?');
          });
        },
      ),
    );
  });

  it('never shows an argument of a hidden command, whatever it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('auth', 'hello', 'config', 'acl', 'eval', 'evalsha', 'fcall', 'fcall_ro', 'eval_ro'),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 12 }),
        (name, args) => {
          const { statement, keys } = sanitizeRedisCommand(name, args, { maxArgs: 12 });
          expect(statement).toBe([name.toUpperCase(), ...args.map(() => '?')].join(' '));
          expect(keys).toEqual([]);
        },
      ),
    );
  });
});
