import { z } from 'zod';

/**
 * Zod schemas for the kinds of value an environment variable holds. Each one parses the trimmed,
 * non-empty text of one variable; its issue messages say what the value must be and never repeat
 * the value (the loader adds it, redacted when secret).
 */

/** Accepted spellings of true and false, compared case-insensitively. */
export const BOOLEAN_WORDS = { truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'] } as const;

/** `true`/`false`, `1`/`0` or `yes`/`no`, in any case. */
export const booleanValue = z.stringbool({
  truthy: [...BOOLEAN_WORDS.truthy],
  falsy: [...BOOLEAN_WORDS.falsy],
  case: 'insensitive',
  error: 'must be true or false (1/0 and yes/no work too)',
});

/** A decimal number as written in JavaScript, without sign: `0.1`, `.5`, `1`, `1e-3`. */
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number from `min` to `max`; with `exclusiveMin`, `min` itself is refused. */
export function numberBetween(min: number, max: number, options: { exclusiveMin?: boolean } = {}) {
  const message = options.exclusiveMin
    ? `must be a number greater than ${min} and at most ${max}`
    : `must be a number from ${min} to ${max}`;
  const range = options.exclusiveMin ? z.number().gt(min, message) : z.number().min(min, message);
  return z.string().regex(DECIMAL, message).transform(Number).pipe(range.max(max, message));
}

/** A whole number of at least 1. */
export function positiveInteger() {
  const message = 'must be a positive whole number';
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(1, message).max(Number.MAX_SAFE_INTEGER, message));
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** The longest delay a Node.js timer accepts (about 24.8 days). */
export const MAX_DURATION_MS = 2_147_483_647;

/** A duration (`500ms`, `60s`, `5m`, `1h`, `1.5s`; a plain number is milliseconds), parsed to milliseconds. */
export function duration() {
  const message = 'must be a duration such as 500ms, 60s, 5m or 1h (a plain number is milliseconds)';
  return z
    .string()
    .regex(/^\d+(?:\.\d+)?\s*(?:ms|s|m|h)?$/i, message)
    .transform((text) => {
      const [, amount = '', unit = 'ms'] = /^([\d.]+)\s*([a-z]*)$/i.exec(text) ?? [];
      return Math.round(Number(amount) * UNIT_MS[(unit || 'ms').toLowerCase() as keyof typeof UNIT_MS]);
    })
    .pipe(
      z
        .number()
        .min(1, 'must be longer than 0')
        .max(MAX_DURATION_MS, 'must be at most 24 days (the longest delay a Node.js timer supports)'),
    );
}

/**
 * A comma-separated list: items are trimmed, empty items dropped, duplicates removed. Each item
 * goes through `item`, whose message completes "item 2 …" (e.g. `is not an email address`).
 */
export function list<T>(item: z.ZodType<T, string>, noun: string) {
  return z.string().transform((text, context) => {
    const values: T[] = [];
    const seen = new Set<string>();
    const problems: string[] = [];
    text.split(',').forEach((raw, index) => {
      const trimmed = raw.trim();
      if (trimmed === '') return;
      const result = item.safeParse(trimmed);
      if (!result.success) {
        problems.push(`item ${index + 1} ${result.error.issues[0]?.message ?? 'is not valid'}`);
        return;
      }
      const key = JSON.stringify(result.data);
      if (!seen.has(key)) values.push(result.data);
      seen.add(key);
    });
    if (problems.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of ${noun}; ${problems.join('; ')}`,
      });
      return z.NEVER;
    }
    return values;
  });
}

/** A name from `names` (for list items). */
export function oneOf<const T extends readonly [string, ...string[]]>(names: T, noun: string) {
  return z.enum(names, { error: `is not a ${noun}: use ${names.join(', ')}` });
}

/** An email address (for list items). */
export const emailAddress = z.email({ error: 'is not an email address' });

/** `alerts@example.com` or `Faultline <alerts@example.com>`. */
export const mailbox = z.string().superRefine((text, context) => {
  const address = /^[^<>]*<([^<>]+)>$/.exec(text)?.[1] ?? text;
  if (!emailAddress.safeParse(address).success)
    context.addIssue({
      code: 'custom',
      message: 'must be an email address, optionally with a name: Faultline <alerts@example.com>',
    });
});

/** A Sentry environment name: at most 64 characters, no whitespace or `/`, not `None`. */
export const environmentName = z
  .string()
  .regex(/^[^\s/]{1,64}$/, 'must be at most 64 characters without spaces or slashes')
  .refine((text) => text !== 'None', 'must not be "None" (Sentry reserves it)');

/** A Sentry release name: at most 200 characters, no `/`, `\`, tab or newline, not `.` or `..`. */
export const releaseName = z
  .string()
  .regex(
    /^[^/\\\t\n\r]{1,200}$/,
    'must be at most 200 characters without slashes, backslashes or line breaks',
  )
  .refine((text) => text !== '.' && text !== '..', 'must not be "." or ".."');

/** A Slack channel: `#alerts`, `alerts`, or a channel id such as `C0123456789`. */
export const slackChannel = z
  .string()
  .regex(/^#?[a-z0-9][a-z0-9._-]{0,79}$/i, 'must be a Slack channel such as #alerts, or a channel id');

/** A dotted path into an event, `*` one segment, `**` any number: `request.headers.x-request-id`. */
export const dottedPath = z
  .string()
  .regex(/^[^.\s,]+(?:\.[^.\s,]+)*$/, 'is not a dotted path such as request.headers.x-request-id');

/** `host=name`, e.g. `api.stripe.com=stripe`, parsed to `[host, name]` with the host lowercased. */
export const serviceName = z
  .string()
  .regex(/^[a-z0-9*][a-z0-9*.-]*(?::\d+)?\s*=\s*[\w.-]+$/i, 'is not host=name, e.g. api.stripe.com=stripe')
  .transform((text): [string, string] => {
    const [host = '', name = ''] = text.split('=').map((part) => part.trim());
    return [host.toLowerCase(), name];
  });
