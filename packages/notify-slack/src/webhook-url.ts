import { SlackNotifierError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const EXAMPLE = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

/**
 * A webhook URL as it may be shown: scheme and host, the path replaced by `…`
 * (`https://hooks.slack.com/services/…`). Credentials, query and fragment are dropped.
 */
export function redactWebhookUrl(url: URL): string {
  const host = /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname) ? url.host : '…';
  const path = url.pathname.startsWith('/services/') ? '/services/…' : '/…';
  return `${url.protocol}//${host}${path}`;
}

/** Parses and checks `webhookUrl`; the error never echoes the URL, only its redacted form. */
export function parseWebhookUrl(value: unknown): URL {
  const option = 'webhookUrl';
  const fix = `Use the incoming-webhook URL Slack shows for your app, e.g. ${EXAMPLE}.`;
  if (typeof value !== 'string' || value.trim() === '')
    throw new SlackNotifierError(option, `expected a non-empty string, got ${describeType(value)}`, fix);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SlackNotifierError(option, 'is not a valid URL', fix);
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  if (url.protocol !== 'https:')
    throw new SlackNotifierError(
      option,
      `must use https:// (plain http:// only to 127.0.0.1, localhost or ::1, for tests), got ${redactWebhookUrl(url)}`,
      fix,
    );
  if (url.username !== '' || url.password !== '')
    throw new SlackNotifierError(option, `must not hold credentials, got ${redactWebhookUrl(url)}`, fix);
  return url;
}

/**
 * A function that removes the webhook URL, and every longer part of its path, from a text, so
 * that nothing the notifier reports can carry it even if a `fetch` implementation or a proxy
 * echoes it.
 */
export function createUrlRedactor(url: URL): (text: string) => string {
  const shown = redactWebhookUrl(url);
  const secrets = [url.href, url.href.replace(/\/$/, ''), url.pathname, url.pathname + url.search]
    .concat(url.pathname.split('/'), url.search.slice(1))
    .concat([url.pathname, url.search].map(safeDecode))
    .filter((part) => part.length >= 6 && !/^\/?services\/?$/.test(part))
    .sort((a, b) => b.length - a.length);
  const unique = [...new Set(secrets)];
  return (text) => {
    let result = text;
    for (const secret of unique) {
      if (result.includes(secret)) result = result.split(secret).join(secret.includes('://') ? shown : '…');
    }
    return result;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `typeof`, but telling `null` and arrays apart, for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
