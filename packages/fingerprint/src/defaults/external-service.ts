import { type Facts, read, readString } from '../facts.js';
import type { CompiledRule, RuleContext, Verdict } from '../rule.js';
import { noMatch } from '../rule.js';

/** Network failures of node http, undici/fetch, axios and got. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EPROTO',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_BAD_RESPONSE',
  'ERR_NETWORK',
  'ETIMEOUT',
]);
const CLIENT_TYPES =
  /^(AxiosError|FetchError|RequestError|HTTPError|TimeoutError|ReadError|ConnectTimeoutError|HeadersTimeoutError|SocketError)$/;

/** The code of the error or of its cause (`fetch failed` keeps the real one in `cause`). */
function networkCode(facts: Facts): string | undefined {
  for (const source of [facts.original, read(facts.original, 'cause')]) {
    const code = readString(source, 'code');
    if (code && NETWORK_CODES.has(code)) return code;
  }
  const inMessage = facts.value.match(/\b(E[A-Z_]{4,30}|UND_ERR_[A-Z_]{2,30})\b/)?.[1];
  return inMessage && NETWORK_CODES.has(inMessage) ? inMessage : undefined;
}

function hostOfUrl(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).host || undefined;
  } catch {
    return undefined;
  }
}

/** Where the failing request went: the client's config or options, the socket address, or a URL in the message. */
function hostOf(facts: Facts): string | undefined {
  const { original } = facts;
  const cause = read(original, 'cause');
  const config = read(original, 'config');
  const request = read(original, 'request');
  const options = read(original, 'options');
  const fromUrl =
    hostOfUrl(readString(config, 'url'), readString(config, 'baseURL')) ?? // axios
    hostOfUrl(String(read(options, 'url') ?? '')) ?? // got
    hostOfUrl(readString(original, 'url'));
  if (fromUrl) return fromUrl;
  for (const source of [original, cause, request]) {
    const host =
      readString(source, 'hostname') ?? readString(source, 'host') ?? readString(source, 'address');
    if (host) {
      const port = read(source, 'port');
      return port === undefined ? host : `${host}:${String(port)}`;
    }
  }
  return hostOfUrl(facts.value.match(/https?:\/\/[^\s"'<>]{1,2048}/)?.[0]);
}

/** A host that is an IP address is named by its port only: `<ip>:5432`; the same service has many IPs. */
function withoutIp(host: string): string {
  const port = /:(\d{1,5})$/.exec(host)?.[1];
  const bare = port === undefined ? host : host.slice(0, -port.length - 1);
  const isIp =
    /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || (bare.includes(':') && /^\[?[0-9a-f:.]+\]?$/i.test(bare));
  return isIp ? `<ip>${port === undefined ? '' : `:${port}`}` : host;
}

/** Errors of calls to other services (refused, timed out, reset, upstream 5xx), grouped by service, never by URL. */
export function externalServiceRule(context: RuleContext): CompiledRule {
  return {
    name: 'external-service',
    evaluate(facts): Verdict {
      const code = networkCode(facts);
      const upstream =
        facts.statusCode !== undefined && facts.statusCode >= 500 && CLIENT_TYPES.test(facts.type ?? '');
      if (code === undefined && !upstream)
        return noMatch(
          `no network error code (ECONNREFUSED, ETIMEDOUT, …) and no upstream 5xx from an HTTP client`,
        );
      const host = hostOf(facts);
      const bare = host?.replace(/:\d+$/, '');
      const service =
        (host && context.services[host]) ??
        (bare && context.services[bare]) ??
        (host && withoutIp(host)) ??
        'unknown-service';
      const failure = code ?? `${Math.floor(facts.statusCode! / 100)}xx`;
      return {
        matched: true,
        fingerprint: ['external-service', service, failure],
        reason: `${code ? `code ${code}` : `upstream status ${facts.statusCode}`} calling ${service}`,
      };
    },
  };
}
