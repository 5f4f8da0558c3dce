import { ruleFor } from './commands.js';

/** A Redis command as it may be shown: keys kept, values replaced by `?`. */
export interface SanitizedCommand {
  /** The command name in upper case: `GET`, `EVALSHA`. */
  readonly operation: string;
  /**
   * The name, then one token per argument (at most `maxArgs`): a key as it is, a subcommand word,
   * or `?`. `SET session:1 ? EX 60` becomes `SET session:1 ? ? ?`; `EVAL <script> 1 k v` becomes `EVAL ? ? ? ?`.
   */
  readonly statement: string;
  /** The keys (at most 100, each at most 200 characters); empty for a hidden or unknown command. */
  readonly keys: readonly string[];
  /** True when no argument is shown: `AUTH`, `EVAL`, `CONFIG`, … and commands not in the allowlist. */
  readonly hidden: boolean;
}

/** Options of {@link sanitizeRedisCommand}. */
export interface SanitizeOptions {
  /** How many arguments the statement shows; the rest become `[N more]`. Default 10. */
  maxArgs?: number;
}

/** Arguments a statement shows when `maxArgs` is not given. */
export const DEFAULT_MAX_ARGS = 10;
const MAX_KEYS = 100;
const MAX_KEY_LENGTH = 200;
const WORD = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const SMALL_NUMBER = /^-?\d{1,5}$/;
const UNPRINTABLE = /[\u0000-\u001f\u007f\ufffd]/;
const UNPRINTABLE_ALL = /[\u0000-\u001f\u007f\ufffd]/g;

function cut(text: string): string {
  return text.length > MAX_KEY_LENGTH ? `${text.slice(0, MAX_KEY_LENGTH)}…` : text;
}

/** A key as text: strings and numbers as they are, a binary Buffer as `<N bytes>`. */
function keyText(arg: unknown): string {
  if (typeof arg === 'string') return cut(arg.replace(UNPRINTABLE_ALL, '?'));
  if (typeof arg === 'number' || typeof arg === 'bigint') return String(arg);
  if (Buffer.isBuffer(arg)) {
    const text = arg.toString('utf8');
    return UNPRINTABLE.test(text) ? `<${arg.length} bytes>` : cut(text);
  }
  return '?';
}

/** A subcommand or a small number is shown (upper-cased); anything else is a value. */
function wordText(arg: unknown): string {
  const text = typeof arg === 'string' || typeof arg === 'number' ? String(arg) : '';
  if (WORD.test(text)) return text.toUpperCase();
  return SMALL_NUMBER.test(text) ? text : '?';
}

/**
 * Sanitizes one Redis command for a span name, a breadcrumb or a log line, through the per-command
 * allowlist: keys are kept, values are replaced by `?`, and `AUTH`, `HELLO`, `CONFIG`, `ACL`, `EVAL`,
 * `EVALSHA`, `FCALL` (and commands the allowlist does not know) show no argument at all.
 *
 * @example
 * sanitizeRedisCommand('set', ['session:1', 's3cr3t', 'EX', 60]).statement; // 'SET session:1 ? ? ?'
 * sanitizeRedisCommand('eval', ['return 1', 0]).statement; // 'EVAL ? ?'
 */
export function sanitizeRedisCommand(
  name: string,
  args: readonly unknown[],
  options: SanitizeOptions = {},
): SanitizedCommand {
  const operation = name.toUpperCase();
  const rule = ruleFor(name);
  const hidden = rule.hidden === true;
  const keyPositions = hidden ? [] : rule.keys(args);
  const isKey = new Set(keyPositions);
  const words = hidden ? 0 : (rule.words ?? 0);
  const maxArgs = options.maxArgs ?? DEFAULT_MAX_ARGS;
  const shown = Math.min(args.length, maxArgs);
  const tokens = [operation];
  for (let index = 0; index < shown; index++) {
    const arg = args[index];
    tokens.push(isKey.has(index) ? keyText(arg) : index < words ? wordText(arg) : '?');
  }
  if (args.length > shown) tokens.push(`[${args.length - shown} more]`);
  return {
    operation,
    statement: tokens.join(' '),
    keys: keyPositions.slice(0, MAX_KEYS).map((index) => keyText(args[index])),
    hidden,
  };
}
