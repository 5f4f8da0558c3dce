import { cut, sanitizeText } from './sanitize.js';

/**
 * Error codes of failures that may pass: the connection could not be made or broke off. Node's
 * socket codes, and nodemailer's own (`ECONNECTION`, `ESOCKET`, `ETIMEDOUT`, `EDNS`).
 */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

/** What is known about one failed attempt, with credentials removed. */
export interface AttemptFailure {
  /** True for SMTP 4xx and connection errors: try again later. */
  transient: boolean;
  responseCode?: number | undefined;
  code?: string | undefined;
  /** The server's reply (or the error message when there is none), sanitized and cut to 200 characters. */
  text: string;
}

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads a failed `sendMail`: SMTP 4xx and connection errors are transient, 5xx and everything
 * else (a bad address, a bug in an injected transport) permanent. Only the reply code, the error
 * code and the sanitized text are kept; the error object itself, which may hold the transport's
 * `auth` or URL, is dropped.
 */
export function classifyFailure(error: unknown, secrets: readonly string[]): AttemptFailure {
  const rawCode = field(error, 'responseCode');
  const responseCode = typeof rawCode === 'number' && Number.isInteger(rawCode) ? rawCode : undefined;
  // nodemailer replaces Node's code (ECONNREFUSED) with its own (ESOCKET) and keeps the first as originalCode.
  const codes = [field(error, 'originalCode'), field(error, 'code')].filter(
    (code): code is string => typeof code === 'string' && code !== '',
  );
  const code = codes[0];
  const transient = codes.some((candidate) => TRANSIENT_CODES.has(candidate));
  const response = field(error, 'response');
  const message = field(error, 'message');
  const raw = typeof response === 'string' && response !== '' ? response : String(message ?? error);
  const text = cut(sanitizeText(raw, secrets), 200);
  if (responseCode !== undefined && responseCode >= 400 && responseCode <= 599) {
    return { transient: responseCode < 500, responseCode, code, text };
  }
  return { transient, responseCode, code, text };
}
