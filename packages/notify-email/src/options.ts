import { mailboxAddress, mailboxDomain, splitAddressList } from './addresses.js';
import { type EmailDeliveryError, EmailNotifierError } from './errors.js';
import { credentialForms } from './sanitize.js';
import { createSmtpTransport } from './transport.js';
import type { EmailBackoff, EmailNotifierOptions, EmailTransport } from './types.js';

/** The options after validation, with every default applied. */
export interface ResolvedOptions {
  transport: EmailTransport;
  /** Every form of the SMTP password, removed from whatever `onError` receives. */
  secrets: string[];
  from: string;
  to: string[];
  messageDomain: string;
  subjectPrefix: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  backoff: EmailBackoff;
  maxQueueSize: number;
  onError: (error: EmailDeliveryError) => void;
}

function defaultOnError(error: EmailDeliveryError): void {
  console.warn(`[@faultline/notify-email] ${error.message}`);
}

function number(
  value: unknown,
  option: string,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new EmailNotifierError(option, `must be a number from ${min} to ${max}`, `Got ${String(value)}.`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new EmailNotifierError(option, 'must be a whole number', `Got ${value}.`);
  }
  return value;
}

function parseSmtpUrl(value: unknown): URL {
  const fix =
    'Use smtp://user:password@host:587 or smtps://user:password@host:465, user and password percent-encoded.';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EmailNotifierError('smtpUrl', 'must be a non-empty string', fix);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The text may hold a password: say nothing about it.
    throw new EmailNotifierError('smtpUrl', 'is not a valid URL', fix);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    const scheme = /^[a-z][a-z0-9+.-]{0,20}:$/i.test(url.protocol) ? url.protocol : 'another scheme';
    throw new EmailNotifierError('smtpUrl', `must start with smtp:// or smtps://, not ${scheme}//`, fix);
  }
  if (url.hostname === '') throw new EmailNotifierError('smtpUrl', 'has no host', fix);
  return url;
}

function parseRecipients(value: unknown): string[] {
  const fix = "Give an address ('oncall@example.com'), several separated by commas, or an array of them.";
  const list = typeof value === 'string' ? splitAddressList(value) : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new EmailNotifierError('to', 'must name at least one recipient', fix);
  }
  list.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || mailboxAddress(entry) === undefined) {
      const option = typeof value === 'string' ? 'to' : `to[${index}]`;
      throw new EmailNotifierError(option, `${JSON.stringify(String(entry))} is not an email address`, fix);
    }
  });
  return [...new Set((list as string[]).map((entry) => entry.trim()))];
}

/** Validates the options of `EmailNotifier` and applies the defaults. Throws `EmailNotifierError`. */
export function resolveOptions(options: EmailNotifierOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new EmailNotifierError('options', 'must be an object', 'Pass { smtpUrl, from, to }.');
  }
  const { transport, smtpUrl } = options;
  if ((transport === undefined) === (smtpUrl === undefined)) {
    throw new EmailNotifierError(
      'smtpUrl',
      'give either smtpUrl or transport, not both or neither',
      'Pass one of them.',
    );
  }
  if (transport !== undefined && typeof transport?.sendMail !== 'function') {
    throw new EmailNotifierError(
      'transport',
      'must have a sendMail(message) method',
      'Pass a nodemailer transporter.',
    );
  }
  if (typeof options.from !== 'string' || mailboxAddress(options.from) === undefined) {
    throw new EmailNotifierError(
      'from',
      `${JSON.stringify(String(options.from))} is not an email address`,
      "Use 'alerts@example.com' or 'Faultline <alerts@example.com>'.",
    );
  }
  const to = parseRecipients(options.to);
  const subjectPrefix = options.subjectPrefix;
  if (subjectPrefix !== undefined && (typeof subjectPrefix !== 'string' || subjectPrefix.length > 100)) {
    throw new EmailNotifierError(
      'subjectPrefix',
      'must be a string of at most 100 characters',
      "E.g. '[prod]'.",
    );
  }
  const timeoutMs = number(options.timeoutMs, 'timeoutMs', 10_000, 1, 600_000, false);
  const maxRetries = number(options.maxRetries, 'maxRetries', 5, 0, 100, true);
  const maxQueueSize = number(options.maxQueueSize, 'maxQueueSize', 100, 1, 1_000_000, true);
  if (options.backoff !== undefined && (typeof options.backoff !== 'object' || options.backoff === null)) {
    throw new EmailNotifierError('backoff', 'must be an object', 'E.g. { baseMs: 1000, capMs: 60000 }.');
  }
  const baseMs = number(options.backoff?.baseMs, 'backoff.baseMs', 1000, 0, 3_600_000, false);
  const capMs = number(
    options.backoff?.capMs,
    'backoff.capMs',
    Math.max(60_000, baseMs),
    baseMs,
    86_400_000,
    false,
  );
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new EmailNotifierError('onError', 'must be a function', 'Pass (error) => { … }.');
  }
  const url = smtpUrl === undefined ? undefined : parseSmtpUrl(smtpUrl);
  return {
    transport: url ? createSmtpTransport(url, timeoutMs) : transport!,
    secrets: url ? credentialForms(url) : [],
    from: options.from.trim(),
    to,
    messageDomain: mailboxDomain(options.from),
    subjectPrefix,
    timeoutMs,
    maxRetries,
    backoff: { baseMs, capMs },
    maxQueueSize,
    onError: options.onError ?? defaultOnError,
  };
}
