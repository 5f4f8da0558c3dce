import { createTransport } from 'nodemailer';
import type { EmailTransport } from './types.js';

/**
 * Query parameters of `smtpUrl` that are not passed on: `pool` (this package sends one message
 * per connection) and the logging switches (nodemailer's debug log shows the SMTP dialogue).
 */
const IGNORED_PARAMETERS = ['pool', 'logger', 'debug', 'transactionLog'];

/**
 * A nodemailer SMTP transport for `url` (already validated): not pooled, with `timeoutMs` as its
 * connection, greeting and socket timeout. Other query parameters (`tls.servername`,
 * `ignoreTLS`, `requireTLS`, `name`…) keep their nodemailer meaning.
 */
export function createSmtpTransport(url: URL, timeoutMs: number): EmailTransport {
  const target = new URL(url.href);
  for (const name of IGNORED_PARAMETERS) target.searchParams.delete(name);
  return createTransport({
    url: target.href,
    pool: false,
    logger: false,
    debug: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
}
