import { z } from 'zod';

/**
 * Zod schemas for the URL-valued variables. Their messages describe the expected shape and never
 * quote the value: these variables hold credentials.
 */

/** The URL, or undefined when `text` is not an absolute URL. */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** `localhost`, `127.x.x.x` or `[::1]`: plain http is fine there (tests, local relays). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function urlSchema(problemOf: (url: URL | undefined) => string | undefined) {
  return z.string().superRefine((text, context) => {
    const problem = problemOf(parseUrl(text));
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });
}

/** A Sentry DSN: `https://<public key>@<host>/<project id>` (self-hosted: any path before the id). */
export const sentryDsn = urlSchema((url) => {
  const shape =
    'must be a Sentry DSN, https://<public key>@<host>/<project id> (Project Settings → Client Keys)';
  if (url === undefined || url.hostname === '') return shape;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${shape}; it must start with https://`;
  if (!/^\w+$/.test(url.username)) return `${shape}; the public key before @ is missing`;
  if (!/\/\d+$/.test(url.pathname)) return `${shape}; it must end with the numeric project id`;
  if (url.search !== '' || url.hash !== '') return `${shape}; it must not have a query or fragment`;
  return undefined;
});

/** An incoming-webhook URL: https, or http to a loopback host. */
export const webhookUrl = urlSchema((url) => {
  if (url === undefined || url.hostname === '' || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    return 'must be an https:// webhook URL';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return 'must use https:// (plain http:// only to localhost, for tests)';
  return undefined;
});

/** `smtp://` or `smtps://` with a host; credentials, when the server needs them, percent-encoded. */
export const smtpUrl = urlSchema((url) => {
  if (url === undefined || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '')
    return 'must be an smtp:// or smtps:// URL with a host, credentials percent-encoded';
  return undefined;
});

/** `redis://` or `rediss://` with a host. */
export const redisUrl = urlSchema((url) => {
  if (url === undefined || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '')
    return 'must be a redis:// or rediss:// URL with a host';
  return undefined;
});
