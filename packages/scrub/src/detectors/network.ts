import { always, type Detector, Family } from './detector.js';

const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 253;

/** Characters of an email's local part: letters, digits and `. _ % + -`. */
function isLocalChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45
  );
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** The end of the domain after an `@` at `from`, or -1 if there is no `label.tld` there. */
function domainEnd(text: string, from: number): number {
  let index = from;
  let lastDot = -1;
  const limit = Math.min(text.length, from + MAX_DOMAIN);
  while (index < limit) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (index === from || text.charCodeAt(index - 1) === 46) break;
      if (index + 1 < limit && isDomainChar(text.charCodeAt(index + 1))) lastDot = index;
      else break;
    } else if (!isDomainChar(code)) break;
    index++;
  }
  if (lastDot === -1 || (index < text.length && text.charCodeAt(index) === 95)) return -1;
  const tld = index - lastDot - 1;
  if (tld < 2 || tld > 24) return -1;
  for (let at = lastDot + 1; at < index; at++) if (!isLetter(text.charCodeAt(at))) return -1;
  return index;
}

/** Finds `@` and `%40` (a percent-encoded `@`) in order, each searched for again only once passed. */
class AtSigns {
  private at: number;
  private encoded: number;

  constructor(private readonly text: string) {
    this.at = text.indexOf('@');
    this.encoded = text.indexOf('%40');
  }

  next(from: number): number {
    if (this.at !== -1 && this.at < from) this.at = this.text.indexOf('@', from);
    if (this.encoded !== -1 && this.encoded < from) this.encoded = this.text.indexOf('%40', from);
    if (this.at === -1) return this.encoded;
    return this.encoded === -1 || this.at < this.encoded ? this.at : this.encoded;
  }
}

/**
 * Email addresses, found from each `@` outwards by hand: linear, and faster than a regex that has
 * to try every position as the start of a local part.
 */
export const emailDetector: Detector = {
  name: 'email',
  description: 'email addresses, also percent-encoded (`jane%40example.com`)',
  family: Family.at,
  gate: always,
  scrub(text, redact) {
    let result = '';
    let cursor = 0;
    const signs = new AtSigns(text);
    for (let at = signs.next(0); at !== -1; at = signs.next(at + 1)) {
      const separatorLength = text.charCodeAt(at) === 64 ? 1 : 3;
      let start = at;
      while (start > cursor && at - start < MAX_LOCAL_PART && isLocalChar(text.charCodeAt(start - 1)))
        start--;
      if (start === at) continue;
      const end = domainEnd(text, at + separatorLength);
      if (end === -1) continue;
      result += text.slice(cursor, start) + redact('email');
      cursor = end;
      at = end - 1;
    }
    return cursor === 0 ? text : result + text.slice(cursor);
  },
};

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_ADDRESS = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
/** A dotted quad of 1–3 digit groups; octet ranges and boundaries are checked after. */
const IPV4_CANDIDATE = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;

/** Not part of a longer dotted number (a version such as 1.2.3.4.5), a word or `1.2.3.4-node`. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  const afterNext = end + 1 < text.length ? text.charCodeAt(end + 1) : 32;
  const isWord = (code: number) => isDomainChar(code) || code === 95;
  if (isWord(before) || before === 46) return false;
  if (isWord(after)) return false;
  return !(after === 46 && afterNext >= 48 && afterNext <= 57);
}

/** Loopback and unspecified addresses identify nobody and stay readable. */
function isLocalIpv4(address: string): boolean {
  return address.startsWith('127.') || address === '0.0.0.0';
}

export const ipv4Detector: Detector = {
  name: 'ipv4',
  description: 'IPv4 addresses (except loopback 127.0.0.0/8 and 0.0.0.0)',
  family: Family.digits,
  gate: (text) => IPV4_START.test(text),
  scrub(text, redact) {
    let result = '';
    let cursor = 0;
    IPV4_CANDIDATE.lastIndex = 0;
    for (let match = IPV4_CANDIDATE.exec(text); match !== null; match = IPV4_CANDIDATE.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!standsAlone(text, start, end) || !IPV4_ADDRESS.test(match[0]) || isLocalIpv4(match[0])) continue;
      result += text.slice(cursor, start) + redact('ipv4');
      cursor = end;
    }
    return cursor === 0 ? text : result + text.slice(cursor);
  },
};

const IPV4_START = /\d\.\d{1,3}\.\d/;

/** A run of hex digits, colons and dots bounded by characters that cannot belong to an address. */
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?![\w:.])/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Validates `candidate` as an IPv6 address with at least three groups (so `a::b` stays text). */
export function isIpv6(candidate: string): boolean {
  let text = candidate;
  let groupsFromIpv4 = 0;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    if (!IPV4_ADDRESS.test(text.slice(lastColon + 1))) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
    groupsFromIpv4 = 2;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  if (halves.length === 1) return groups.length === 8;
  return groups.length <= 7 && groups.length >= Math.max(3, groupsFromIpv4 + 1);
}

function isLocalIpv6(address: string): boolean {
  return address === '::1' || address === '::';
}

/** Two colons with at most four hex digits between them, or `::`. */
const IPV6_START = /[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:/;

export const ipv6Detector: Detector = {
  name: 'ipv6',
  description: 'IPv6 addresses, full or compressed, IPv4-mapped included (except ::1)',
  family: Family.separator,
  gate: (text) => IPV6_START.test(text) || text.includes('::'),
  scrub(text, redact) {
    IPV6_CANDIDATE.lastIndex = 0;
    return text.replace(IPV6_CANDIDATE, (match) =>
      match.includes(':') && isIpv6(match) && !isLocalIpv6(match) ? redact('ipv6') : match,
    );
  },
};
