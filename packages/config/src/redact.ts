import { getPath, setPath } from './paths.js';
import { VARIABLES } from './schema.js';
import type { Env, FaultlineConfig, VariableDefinition } from './types.js';
import { parseUrl } from './url-parsers.js';

/** What replaces a secret, or the secret part of a URL. */
export const REDACTED = '[redacted]';

const MAX_SHOWN = 80;

/** A host that is safe to show: a dotted name, `localhost` or an IP, not a word that may be a secret. */
function isShowableHost(host: string): boolean {
  return (
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i.test(host) ||
    /^(?:localhost|\[[\d:a-f.]+\])(?::\d+)?$/i.test(host)
  );
}

/**
 * A secret as it may be shown: for a URL, its scheme and host with credentials and any path
 * other than digits (a DSN's project id, a Redis database) replaced, e.g.
 * `https://hooks.slack.com/…[redacted]` or `smtps://[redacted]@smtp.example.com:465`; anything
 * else becomes `[redacted]`.
 */
export function redactSecret(value: string): string {
  const url = parseUrl(value);
  if (url === undefined || !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol) || !value.includes('//'))
    return REDACTED;
  const credentials = url.username !== '' || url.password !== '' ? `${REDACTED}@` : '';
  const host = isShowableHost(url.host) ? url.host : REDACTED;
  const keepsPath = /^[\d/]*$/.test(url.pathname) && url.search === '' && url.hash === '';
  const path = keepsPath ? url.pathname.replace(/^\/$/, '') : `/…${REDACTED}`;
  return `${url.protocol}//${credentials}${host}${path}`;
}

/** The parts of a secret URL that are secret on their own: credentials and path segments. */
function secretParts(value: string): string[] {
  const url = parseUrl(value);
  if (url === undefined) return [];
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const parts = [url.username, url.password, ...url.pathname.split('/'), url.search.slice(1)];
  return [...parts, ...parts.map(decode)].filter((part) => part.length >= 8 && !/^\d+$/.test(part));
}

/**
 * The values of the secret variables in `env`, and the credentials and paths inside them, to keep
 * them out of anything shown even when pasted into the wrong variable.
 */
export function secretValues(env: Env): string[] {
  const values = VARIABLES.filter((definition) => definition.secret)
    .map((definition): unknown => env[definition.name])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim());
  return [...values.filter((value) => value.length >= 6), ...values.flatMap(secretParts)];
}

/**
 * `text`, the value of `definition`, as an error message may show it: quoted and shortened, or
 * redacted when the variable is secret, when it looks like a URL (a secret in the wrong
 * variable), or when it contains the value of a secret variable.
 */
export function showValue(text: string, definition: VariableDefinition, secrets: readonly string[]): string {
  if (definition.secret || text.includes('://')) return redactSecret(text);
  if (secrets.some((secret) => text.includes(secret))) return REDACTED;
  const shown = [...text].length > MAX_SHOWN ? `${[...text].slice(0, MAX_SHOWN - 1).join('')}…` : text;
  return JSON.stringify(shown);
}

/** A copy of `config` with every secret redacted (see {@link redactSecret}), safe to log or print. */
export function redactConfig(config: FaultlineConfig): FaultlineConfig {
  const copy = structuredClone(config);
  for (const definition of VARIABLES) {
    if (!definition.secret) continue;
    const value = getPath(copy, definition.path);
    if (typeof value === 'string') setPath(copy, definition.path, redactSecret(value));
  }
  return copy;
}
